"""Mention finding on paragraphs written for these tests (none from the seed article)."""
from datetime import date

from extract_helpers import entity_named, extract, triples, types


def test_suffix_names_stop_at_verbs_and_prepositions(tmp_path):
    corpus = extract(tmp_path, "市里推荐星河集团牵头试点。由蓝图大学与青松研究院共同承担课题。")
    found = types(corpus)
    assert found["星河集团"] == "Organisation"
    assert found["蓝图大学"] == "Organisation"
    assert found["青松研究院"] == "Organisation"
    assert not any(label.startswith(("推荐", "由")) for label in found)


def test_descriptions_are_not_names(tmp_path):
    corpus = extract(tmp_path, "该区打造了一批高质量园区和海外创新中心，并出台了相关政策。世界领先科技园区建设成效显著。")
    assert corpus.entities == {}


def test_book_title_is_a_policy_unless_a_journal(tmp_path):
    corpus = extract(tmp_path, "市政府印发《关于加快建设科创走廊的实施意见》。该成果发表在《自然》杂志上。")
    found = types(corpus)
    assert found["关于加快建设科创走廊的实施意见"] == "Policy"
    assert found["自然"] == "Organisation"


def test_enumeration_items_take_the_type_of_the_head_noun(tmp_path):
    corpus = extract(tmp_path, "目前，云杉智造、蓝鲸数科、飞羽医疗等60多家高新技术企业已入驻星湖科学城。")
    found = types(corpus)
    for name in ("云杉智造", "蓝鲸数科", "飞羽医疗"):
        assert found[name] == "Organisation"
    assert found["星湖科学城"] == "Platform"


def test_lists_of_fields_are_not_entities(tmp_path):
    corpus = extract(tmp_path, "园区聚焦人工智能、集成电路、生物医药等重点领域布局的高端园区。")
    assert "人工智能" not in types(corpus)
    assert "集成电路" not in types(corpus)


def test_listed_measures_before_a_policy_noun(tmp_path):
    corpus = extract(tmp_path, "新区推出“赛马制”、容缺受理、先建后验等多项政策支持企业发展。")
    found = types(corpus)
    assert found["容缺受理"] == "Policy"
    assert found["先建后验"] == "Policy"


def test_people_next_to_titles(tmp_path):
    corpus = extract(tmp_path, "星河集团副总裁周明远表示，公司将加大投入。蓝图大学材料学院陈静教授团队参与研发。"
                               "天津市科委产业处副处长吴越在发布会上介绍了情况。")
    found = types(corpus)
    for name in ("周明远", "陈静", "吴越"):
        assert found[name] == "Person"
    titles = {(m.person, m.organisation, m.title) for m in corpus.memberships}
    assert ("周明远", "星河集团", "副总裁") in titles
    assert ("陈静", "蓝图大学材料学院", "教授") in titles
    assert ("吴越", "天津市科委", "产业处副处长") in titles


def test_people_are_not_found_in_ordinary_words(tmp_path):
    corpus = extract(tmp_path, "媒体记者近日走进园区。院长表示满意。")
    assert not [e for e in corpus.entities.values() if e.type.value == "Person"]


def test_quoted_names_with_a_typing_suffix(tmp_path):
    corpus = extract(tmp_path, "星河集团牵头组建“智能网联汽车创新联合体”，入选“启航计划”。")
    assert entity_named(corpus, "智能网联汽车创新联合体").type.value == "Platform"
    assert entity_named(corpus, "启航计划").type.value == "Policy"


def test_a_name_is_found_where_the_dictionary_fuses_its_end_with_the_next_word(tmp_path):
    # jieba's dictionary has 大学教授 as one word, and makes 城是 up as one
    corpus = extract(tmp_path, "电子科技大学教授陈晓明团队研发的芯片已量产。"
                               "天府国际生物城是成都高新技术产业开发区的重要板块。")
    found = types(corpus)
    assert found["电子科技大学"] == "Organisation"
    assert ("陈晓明", "电子科技大学", "教授") in {(m.person, m.organisation, m.title) for m in corpus.memberships}
    assert found["成都高新技术产业开发区"] == "Platform"
    assert not [label for label in found if "是" in label]

def test_a_name_is_found_where_the_dictionary_fuses_its_end_with_a_word_of_place(tmp_path):
    # jieba's dictionary has 城内, 园里 and 研究所里 as words: 江南|科学|城内
    corpus = extract(tmp_path, "江南科学城内的星途智能科技有限公司完成A轮融资。青松科技园里已集聚企业200余家。"
                               "江州生物医药研究所里设有三个实验室。")
    found = types(corpus)
    assert found["江南科学城"] == "Platform"
    assert found["青松科技园"] == "Platform"
    assert found["江州生物医药研究所"] == "Organisation"
    assert ("星途智能科技有限公司", "locatedIn", "江南科学城") in triples(corpus)


def test_a_function_character_glued_to_a_name_by_the_segmenter_stays_out_of_it(tmp_path):
    # jieba's HMM makes up 由长 (before 飞光纤…) and 城已 as words
    corpus = extract(tmp_path, "由长飞光纤光缆股份有限公司牵头的联盟成立。江夏生物城已集聚企业300余家。")
    found = types(corpus)
    assert found["长飞光纤光缆股份有限公司"] == "Organisation"
    assert found["江夏生物城"] == "Platform"
    assert not [label for label in found if label.startswith("由") or "已" in label]


def test_a_verb_that_names_a_field_stays_in_the_name(tmp_path):
    corpus = extract(tmp_path, "江州大学、江州雁栖湖应用数学研究院等单位已入驻江州科学城。")
    assert types(corpus)["江州雁栖湖应用数学研究院"] == "Organisation"
    tenants = {s for s, p, o in triples(corpus) if p == "locatedIn" and o == "江州科学城"}
    assert tenants == {"江州大学", "江州雁栖湖应用数学研究院"}


def test_a_less_common_surname_before_chained_titles(tmp_path):
    corpus = extract(tmp_path, "江州发展集团党委书记、董事长宣鸿表示，集团将扩大投资。")
    assert {(m.person, m.organisation) for m in corpus.memberships} == {("宣鸿", "江州发展集团")}


def test_names_next_to_ren_he_and_a_committee_of_an_institute(tmp_path):
    corpus = extract(tmp_path, "江州大学校长包信和院士担任研究院理事长，蓝图集团董事长刘庆峰任学术委员会主任。")
    people = {(m.person, m.organisation, m.title) for m in corpus.memberships}
    assert {("包信和", "江州大学", "校长"), ("刘庆峰", "蓝图集团", "董事长")} <= people
    assert "学术委员会" not in corpus.entities and "包信" not in corpus.entities


def test_a_standing_committee_member_who_announces(tmp_path):
    corpus = extract(tmp_path, "论坛在江州示范区展示中心开幕。开幕式上，江州市委常委、副市长于英杰发布了"
                               "《江州科技园区建设方案》。")
    # 副市长 is a post of the city's government, which this text does not name
    assert {(m.person, m.organisation, m.title) for m in corpus.memberships} == {("于英杰", "江州市委", "常委"),
                                                                                 ("于英杰", None, "副市长")}
    assert not {"江州市委常委", "展示中心"} & set(corpus.entities)


def test_a_direction_word_opens_a_name_with_a_strong_suffix(tmp_path):
    found = types(extract(tmp_path, "据南方科技大学介绍，园区内企业踊跃参与。"))
    assert found["南方科技大学"] == "Organisation"
    assert "科技大学" not in found


def test_a_hospital_is_an_organisation_whose_head_has_a_title(tmp_path):
    # 医院院长 is one word in jieba's dictionary
    corpus = extract(tmp_path, "江城大学附属第一医院院长孙晓东表示，医院将扩大临床试验。")
    hospital = entity_named(corpus, "江城大学附属第一医院")
    assert (hospital.type.value, hospital.subtype) == ("Organisation", "Hospital")
    assert ("孙晓东", "江城大学附属第一医院", "院长") in {(m.person, m.organisation, m.title) for m in corpus.memberships}


def test_associations_and_societies_are_no_companies(tmp_path):
    corpus = extract(tmp_path, "大会由江州市人民政府和江州市科学技术协会共同主办，江州人工智能学会、"
                               "江州青年企业家商会等单位协办。")
    found = {label: (e.type.value, e.subtype) for label, e in corpus.entities.items()}
    for name in ("江州市科学技术协会", "江州人工智能学会", "江州青年企业家商会"):
        assert found[name] == ("Organisation", "Association"), name


def test_a_journal_after_期刊_is_no_policy_and_领衔_ends_a_name(tmp_path):
    corpus = extract(tmp_path, "江城大学教授林海峰领衔的团队取得重要突破，该成果发表于国际学术期刊《细胞》。")
    found = {label: (e.type.value, e.subtype) for label, e in corpus.entities.items()}
    assert found["细胞"] == ("Organisation", "MediaOutlet")
    assert ("林海峰", "江城大学", "教授") in {(m.person, m.organisation, m.title) for m in corpus.memberships}


def test_a_ministry_by_its_full_name_and_a_technology_innovation_centre(tmp_path):
    corpus = extract(tmp_path, "11月1日，江淮国家技术创新中心在江州揭牌。该中心由科学技术部和江州市人民政府共同推动建设。")
    found = {label: (e.type.value, e.subtype) for label, e in corpus.entities.items()}
    assert found["科学技术部"] == ("Organisation", "GovernmentBody")
    assert found["江淮国家技术创新中心"] == ("Platform", "ServicePlatform")


def test_方_ends_a_name_only_as_the_party_after_a_verb(tmp_path):
    """园区运营方X公司: 运营|方 is who runs the park, not part of X; 曜|方|精准 is a name's own 方."""
    corpus = extract(tmp_path, "园区运营方江州光谷科技发展有限公司总经理孟凡介绍，曜方精准(江州)医疗科技有限公司已入驻。")
    assert {"江州光谷科技发展有限公司", "曜方精准(江州)医疗科技有限公司"} <= set(corpus.entities)


def test_a_one_character_verb_opens_no_name_and_促进中心_ends_one(tmp_path):
    corpus = extract(tmp_path, "其中，江州园企业总收入约4.6万亿元，占示范区的近六成。"
                               "江州生物医药产业发展促进中心主任张华介绍了情况。")
    assert "占示范区" not in corpus.entities
    assert "江州生物医药产业发展促进中心" in corpus.entities


def test_two_fields_joined_and_a_building_company_stay_whole(tmp_path):
    """信息科学|与|技术 inside a centre's name; 科学城|建设|股份有限公司 is a company's name, while
    蓝图大学与青松研究院 are two names and 江州市将建设… names no company."""
    corpus = extract(tmp_path, "江州信息科学与技术国家研究中心与蓝图大学材料科学与工程学院签署协议。"
                               "江州科学城建设股份有限公司和江州建设集团参与。蓝图大学与青松研究院共同承担课题。"
                               "江州市将建设有限公司总部基地。")
    assert set(types(corpus)) == {"江州信息科学与技术国家研究中心", "蓝图大学材料科学与工程学院",
                                  "江州科学城建设股份有限公司", "江州建设集团", "蓝图大学", "青松研究院"}


def test_a_kind_of_development_zone_is_no_name(tmp_path):
    """国家级经济技术开发区 is what 江州经济技术开发区 is, not another name of it or another zone (江州东湖,
    in brackets, is)."""
    corpus = extract(tmp_path, "江州经济技术开发区（江州东湖）是江州市唯一的国家级经济技术开发区，也是综合保税区所在地。")
    assert [e.names for e in corpus.entities.values()] == [{"江州经济技术开发区", "江州东湖"}]


def test_a_place_and_its_park_in_one_word(tmp_path):
    """jieba keeps 海淀园 as one place word: it is a park; 颐和园 is a garden, no park of a place."""
    corpus = extract(tmp_path, "其中，海淀园企业总收入达到4.5万亿元，昌平园、丰台园等分园发展迅速。游客在颐和园游览。")
    assert types(corpus) == {"海淀园": "Platform", "昌平园": "Platform", "丰台园": "Platform"}


def test_a_company_short_name_before_与_is_a_name_of_its_own(tmp_path):
    """青松科技|与|星河集团 are two companies; 科技和信息化局 and 经济和信息化局 keep their 和."""
    corpus = extract(tmp_path, "青松科技与星河集团签署合作协议。江州市科技和信息化局、江州市经济和信息化局发布通知。"
                               "江州将推动科技与星河集团合作。")
    assert set(types(corpus)) == {"青松科技", "星河集团", "江州市科技和信息化局", "江州市经济和信息化局"}


def test_a_provincial_department_and_a_joint_institute_are_names(tmp_path):
    """四川省科技厅 (a 厅 of a province), X联合研究院 (联合 inside the ending), and a time word before
    a bare 公司 that points back (今年公司 is no name)."""
    corpus = extract(tmp_path, "青州星海科技有限公司董事长周明远介绍，今年公司与青州大学签约共建星海智能计算联合研究院。"
                               "此前，青州省科技厅联合青州市财政局设立了基金。")
    assert set(types(corpus)) == {"青州星海科技有限公司", "周明远", "青州大学", "星海智能计算联合研究院", "青州省科技厅",
                                  "青州市财政局"}


def test_an_office_word_ending_in_局_and_no_policy_from_a_press_conference(tmp_path):
    """社会|保障局 and 旅游局 end an office's name, 布局 and 格局 do not; 发布 inside 发布会 issues no
    policy (新闻发布会上介绍了办法)."""
    corpus = extract(tmp_path, "江州市科学技术局会同江州市人力资源和社会保障局联合印发《江州人才引进支持办法》。"
                               "星河集团调整了全球布局，改变了行业格局。江州市文化和旅游局处长王磊在新闻发布会上介绍了办法的主要内容。")
    assert set(types(corpus)) == {"江州市科学技术局", "江州市人力资源和社会保障局", "江州人才引进支持办法", "星河集团",
                                  "江州市文化和旅游局", "王磊"}


def test_a_district_before_a_parks_own_place_name_is_no_part_of_it(tmp_path):
    """朝阳区望京科技园 is 望京科技园 (the district says where it is); 青山区科技园 keeps its district, which is
    all that names it; a government keeps its district too."""
    text = ("星河集团研发总部在朝阳区望京科技园开工。青山区科技园新增企业50家。江州市青山区人民政府表示支持。"
            "望京科技园是软件企业的集聚区。")
    corpus = extract(tmp_path, text)
    assert set(corpus.entities) >= {"望京科技园", "青山区科技园", "江州市青山区人民政府"}
    assert "朝阳区望京科技园" not in corpus.entities


def test_a_company_name_starts_at_its_place_not_at_the_verb_before_it(tmp_path):
    # jieba: 收购|苏州|…, 已有|国家|…; 吴振华|担任|公司 is no company's name
    corpus = extract(tmp_path, "江州华新科技股份有限公司拟收购苏州晶泰微电子有限公司72%股权。"
                               "今年已有国家电投集团氢能科技发展有限公司等17个项目开工。"
                               "大会选举北京擎宇机器人科技有限公司为理事长单位。吴振华担任公司首席科学家。")
    found = types(corpus)
    for name in ("苏州晶泰微电子有限公司", "国家电投集团氢能科技发展有限公司", "北京擎宇机器人科技有限公司"):
        assert found[name] == "Organisation"
    assert not [label for label in found if label.startswith(("收购", "已有", "选举", "吴振华"))]


def test_a_character_cut_off_between_the_place_and_the_brand_stays_in_the_name(tmp_path):
    # jieba: 北京|普|瑞康|生物…, 北京|霁|蓝|半导体…: an adverb and a verb of one character
    corpus = extract(tmp_path, "北京普瑞康生物技术有限公司、北京安泽基因科技有限公司等23家企业享受补贴。"
                               "北京霁蓝半导体材料股份有限公司入选名单。")
    found = types(corpus)
    assert {"北京普瑞康生物技术有限公司", "北京安泽基因科技有限公司", "北京霁蓝半导体材料股份有限公司"} <= set(found)
    assert not [label for label in found if label.startswith(("瑞康", "蓝"))]


def test_a_character_and_a_conjunction_cut_off_from_a_name_stay_in_it(tmp_path):
    # jieba: 清|和|大学, 北京|同|和|医疗器械…: 和 after one character that opens the name is no 'and';
    # 党和政府 is no one body
    corpus = extract(tmp_path, "联盟由北京云驰智行科技有限公司、清和大学车辆学院和北京星衡传感技术有限公司共同发起。"
                               "北京同和医疗器械有限公司与天和研究院签署合作协议。在党和政府的支持下，园区快速发展。")
    found = types(corpus)
    assert {"清和大学车辆学院", "北京同和医疗器械有限公司", "天和研究院", "北京星衡传感技术有限公司"} <= set(found)
    assert not [label for label in found if label.startswith(("大学", "和")) or label == "党和政府"]


def test_verbs_of_becoming_obtaining_starting_and_investing_end_a_name_on_its_left(tmp_path):
    corpus = extract(tmp_path, "交易完成后图灵岸将成为公司控股子公司。江州凌川数据股份有限公司曾参投北京图灵岸科技有限公司的A轮融资。"
                               "园区暂不启动温泉镇产业园扩建。公司取得北京市海淀区市场监督管理局换发的营业执照。")
    found = types(corpus)
    assert {"北京图灵岸科技有限公司", "温泉镇产业园", "北京市海淀区市场监督管理局"} <= set(found)
    assert not [label for label in found if label.startswith(("成为", "参投", "启动", "取得"))]


def test_an_investor_named_in_full_a_school_of_two_fields_and_a_board_motion(tmp_path):
    # jieba: 由|启明|澜|资本领投 (启明 a 'verb'); 化学|与|分子工程学院; 《…议案》 is a board's motion, no policy
    corpus = extract(tmp_path, "本轮由启明澜资本领投，启明泰和创投跟投。燕北大学化学与分子工程学院与江州星河科技有限公司共建实验室。"
                               "董事会审议通过了《关于聘任公司总经理的议案》。")
    found = types(corpus)
    assert {"启明澜资本", "启明泰和创投", "燕北大学化学与分子工程学院"} <= set(found)
    assert not [label for label in found if label in ("澜资本", "泰和创投", "分子工程学院") or label.endswith("议案")]


def test_names_jieba_cuts_around_measure_words_dates_policy_words_and_kind_words(tmp_path):
    # 北京|未|名|星光…: two characters after the place; 9月5日获|上交所: only a place opens a standalone name;
    # 北方|工程|大学: 工程 inside a university's name ends no programme; 瑞丰|农商|银行|中关村科技支行: the parent
    # bank's name inside its branch's; 8家临床研究中心 and 暂无上市计划 name nothing
    corpus = extract(tmp_path, "江州未名星光机器人有限公司成立。公司于9月5日获上交所上市委审议通过。"
                               "该标准由国网智慧能源研究院及北方工程大学共同起草。江州瑞丰农商银行中关村科技支行开业。"
                               "园区布局了8家临床研究中心。公司暂无上市计划。产品已进入国家药监局创新医疗器械特别审查程序。")
    found = types(corpus)
    assert {"江州未名星光机器人有限公司", "上交所", "国网智慧能源研究院", "北方工程大学",
            "江州瑞丰农商银行中关村科技支行", "国家药监局"} <= set(found)
    assert not [label for label in found if label.endswith(("临床研究中心", "上市计划", "北方工程"))
                or label.startswith(("星光", "日获", "进入"))]


def test_investors_listed_each_with_its_own_verb(tmp_path):
    corpus = extract(tmp_path, "江州睿图智能科技有限公司完成A轮融资，由红杉澜创领投、江州市人工智能产业投资基金跟投。")
    assert {o for s, p, o in triples(corpus) if p == "fundedBy"} == {"红杉澜创", "江州市人工智能产业投资基金"}


def test_a_foreign_name_of_words_in_latin_letters_and_a_person_before_分别(tmp_path):
    corpus = extract(tmp_path, "江州云溯生物科技有限公司与芬兰Lumikko Oy公司签署战略合作协议。"
                               "江州未名星光机器人有限公司总经理钱博文、江州回天地新材料科技有限公司创始人沈溪分别发言。")
    assert ("江州云溯生物科技有限公司", "partnerOf", "芬兰Lumikko Oy公司") in triples(corpus)
    assert {(m.person, m.organisation, m.title) for m in corpus.memberships} == {
        ("钱博文", "江州未名星光机器人有限公司", "总经理"), ("沈溪", "江州回天地新材料科技有限公司", "创始人")}


def test_a_speaker_with_the_organisation_and_title_in_brackets(tmp_path):
    # an interview's speaker or a caption: 苏慕白（X公司创始人、首席科学家）：…
    corpus = extract(tmp_path, "记者：您为何创业？苏慕白（北京澄源生物技术有限公司创始人、首席科学家）：我2010年回国。"
                               "图为李明（江州大学教授）。")
    assert {(m.person, m.organisation, m.title) for m in corpus.memberships} == {
        ("苏慕白", "北京澄源生物技术有限公司", "创始人、首席科学家"), ("李明", "江州大学", "教授")}


def test_a_co_working_space_a_demonstration_park_and_an_industrial_base_are_platforms(tmp_path):
    # jieba: 该众|创|空间 (the determiner glued to the noun), 示范园 one word
    corpus = extract(tmp_path, "位于学院路的“青禾众创空间”举办毕业典礼。该众创空间成立于2017年6月。"
                               "江州拓维生物医药股份有限公司将华北总部落户江南环保科技示范园。"
                               "企业可入驻江州生物医药产业基地。")
    found = types(corpus)
    assert found["青禾众创空间"] == found["江南环保科技示范园"] == found["江州生物医药产业基地"] == "Platform"
    assert not [label for label in found if label.startswith("该")]
    assert ("江州拓维生物医药股份有限公司", "locatedIn", "江南环保科技示范园") in triples(corpus)
    assert [(a.subject, a.value, a.precision) for a in corpus.attributes if a.property == "foundingDate"] == \
        [("青禾众创空间", date(2017, 6, 1), "month")]


def test_a_title_held_by_a_person_named_after_由(tmp_path):
    corpus = extract(tmp_path, "江南研究院院长由江州大学物理学院教授李明担任，江南研究院理事长由王刚出任。"
                               "该实验室重组而成，实验室主任由江州理工大学教授葛远衡担任。")
    memberships = {(m.person, m.organisation, m.title) for m in corpus.memberships}
    assert {("李明", "江南研究院", "院长"), ("李明", "江州大学物理学院", "教授"), ("王刚", "江南研究院", "理事长")} <= memberships
    # the bare 实验室 names no organisation: no 主任 of the university the person teaches at
    assert {(m.organisation, m.title) for m in corpus.memberships if m.person == "葛远衡"} == {("江州理工大学", "教授")}


def test_more_words_that_end_a_name_on_its_left_and_a_sino_foreign_name(tmp_path):
    # 是 after a park opens no brand (中关村海淀园|是|北京…); 代表, 选址, 这位 stop a name; 中|德 opens one
    corpus = extract(tmp_path, "江南创新园是江州晶衍半导体有限公司的所在地。副区长张华代表区人民政府发言。"
                               "江州晶衍半导体有限公司选址江南科技园。这位江州理工大学的教授表示满意。"
                               "江州理工大学与亚琛工业大学共建中德智能制造联合研究院。两院院士可免租金入住。")
    found = types(corpus)
    assert {"江南创新园", "江州晶衍半导体有限公司", "江南科技园", "江州理工大学", "中德智能制造联合研究院"} <= set(found)
    assert not [label for label in found if label.startswith(("江南创新园是", "这位", "德智能")) or "选址" in label or "代表" in label]
    assert "两院" not in found


def test_a_ranking_and_a_list_of_projects_are_publications_and_毕业后_is_no_name(tmp_path):
    corpus = extract(tmp_path, "江州市经济和信息化局发布《2025年江州市专精特新企业排行榜》和《2025年江州市重点工程项目清单》。"
                               "她博士毕业后加入了江州星桥数据科技有限公司。")
    assert not [e for e in corpus.entities.values() if e.type.value in ("Policy", "Person")]


def test_a_district_in_a_list_of_companies_a_university_that_plans_and_a_customer(tmp_path):
    corpus = extract(tmp_path, "江州霁野机器人科技有限公司、朝阳区、江州禾尔康生物科技有限公司等企业陆续入驻江南机器人产业园。"
                               "江州化工大学计划今年招收博士研究生200人。据悉，客户江州洺川光电科技有限公司成立于2012年。"
                               "江州市启动“江州学者计划”。")
    found = types(corpus)
    assert "朝阳区" not in found and ("朝阳区", "locatedIn", "江南机器人产业园") not in triples(corpus)
    assert found["江州化工大学"] == "Organisation" and "江州化工大学计划" not in found
    assert found["江州学者计划"] == "Policy"
    assert found["江州洺川光电科技有限公司"] == "Organisation" and not [n for n in found if n.startswith("客户")]


def test_titles_of_books_films_and_programmes_are_no_policies(tmp_path):
    corpus = extract(tmp_path, "江州萤石文化传媒有限公司发布了科普读物《星海拾贝》和科幻剧《曙光计划》。"
                               "活动现场还展映了纪录片《追光的人》，并朗读了《寄给未来的信》。"
                               "江州市科委印发《江州市支持科普创作若干措施》。")
    assert [label for label, e in corpus.entities.items() if e.type.value == "Policy"] == ["江州市支持科普创作若干措施"]


def test_kinds_of_institution_with_a_strong_ending_name_none(tmp_path):
    # a bare 证券交易所 had become another name of the exchange named in the article, and so joined
    # every exchange of a corpus into one
    corpus = extract(tmp_path, "园区周边配套有幼儿园、社区医院和派出所。项目由专家评审委员会评选。公司设立了薪酬委员会。"
                               "江州银行与上海证券交易所签署合作协议。公司与多家商业银行和证券交易所建立联系。")
    assert set(types(corpus)) == {"江州银行", "上海证券交易所"}
    assert set(entity_named(corpus, "上海证券交易所").names) == {"上海证券交易所"}


def test_time_words_verbs_and_roles_before_a_name_are_no_part_of_it(tmp_path):
    # red-team finds: 昨天上午, 另有, 老股东, 落地, 原由, 交由, 离不开, 已获, 辞去 glued to the name after them,
    # and 注册资本 made a fund of the centre it follows
    corpus = extract(tmp_path, "昨天上午江州星图遥感科技有限公司与江州理工大学签署协议。另有江州云途导航科技有限公司已签约。"
                               "老股东江州望川天使投资基金继续追加投资。该项目将落地江南生命科学园。"
                               "原由江州雁栖创新科技有限公司运营的基地现已交由江州科学城发展有限公司运营。"
                               "公司的发展离不开江南区科学技术委员会的支持。该公司上市申请已获上海证券交易所受理。"
                               "江州人形机器人创新中心注册资本5亿元。张明因个人原因申请辞去公司职务。")
    found = set(types(corpus))
    assert {"江州星图遥感科技有限公司", "江州云途导航科技有限公司", "江州望川天使投资基金", "江南生命科学园",
            "江州雁栖创新科技有限公司", "江州科学城发展有限公司", "江南区科学技术委员会", "上海证券交易所",
            "江州人形机器人创新中心"} <= found
    glued = ("昨天", "另有", "老股东", "落地", "原由", "交由", "离不开", "已获", "辞去")
    assert not [label for label in found if label.startswith(glued) or "注册资本" in label or "辞去" in label]


def test_a_joint_venture_noun_and_a_prospectus_are_no_entities(tmp_path):
    # 合资公司 had become one entity merging every joint venture of a corpus; a prospectus is no policy
    corpus = extract(tmp_path, "江州云睿医疗科技有限公司与青州梅森医疗集团共同出资设立合资公司江州睿森医学影像有限公司。"
                               "合资公司将落户江南生命科学园。江州元启生物科技有限公司近日发布《招股说明书》。")
    found = types(corpus)
    assert "合资公司" not in found and "招股说明书" not in found
    assert found["江州睿森医学影像有限公司"] == "Organisation"


def test_a_name_after_某_is_left_unnamed(tmp_path):
    corpus = extract(tmp_path, "江州星擎动力科技有限公司完成B轮融资，某国资背景产业基金参投。江州某某科技有限公司与江州理工大学签署协议。")
    assert set(types(corpus)) == {"江州星擎动力科技有限公司", "江州理工大学"}


def test_a_byline_in_brackets_is_no_part_of_the_name_after_it(tmp_path):
    """新华社江州7月3日电（记者张丽娜）X公司…, 本报讯（记者 张丽娜 通讯员 王伟）X公司…: the name starts after the
    byline; a place in brackets inside a name stays (星河智能（江州）科技有限公司)."""
    text = ("新华社江州7月3日电（记者张丽娜）江州星河量子科技有限公司董事长陈远日前接受采访。\n"
            "本报讯（记者 张丽娜 通讯员 王伟）江州云帆数据技术有限公司总经理李明出席活动。\n"
            "星河智能（江州）科技有限公司成立于2015年。")
    corpus = extract(tmp_path, text)
    companies = {label for label, e in corpus.entities.items() if e.subtype == "Company"}
    assert companies == {"江州星河量子科技有限公司", "江州云帆数据技术有限公司", "星河智能(江州)科技有限公司"}


def test_verbs_of_ceremonies_lawsuits_and_moves_and_roles_before_a_name_are_no_part_of_it(tmp_path):
    """表彰/奖励/颁奖嘉宾/入选者 before a university or a company, 原告, 搬离, 现 (…原技术总监，现A公司CTO), 持有, 人为
    (实际控制人为…): the name starts after them; a court is a state organ, not an institute; 人力资源和社会保障部
    is one office."""
    text = ("大会决定表彰江州大学教授钱永泽。会议奖励江州理工大学教授王立新。入选者江州航空大学教授孙一鸣发言。"
            "颁奖嘉宾江州科创发展集团总经理何立军致辞。江州市海淀区人民法院院长孙立新出席发布会。"
            "人力资源和社会保障部印发《关于开展专业技术人才知识更新工程的通知》。"
            "江州星海云计算有限公司原技术总监，现江州知微数据科技有限公司CTO韩冰出席。"
            "江州云帆数据技术有限公司已于2023年搬离江州软件园。原告江州橙果教育科技有限公司诉称。"
            "江州衡远投资管理有限公司持有江州量衡科技有限公司30%股权。实际控制人为江州市国有资产监督管理委员会。")
    corpus = extract(tmp_path, text)
    assert set(corpus.entities) >= {"江州大学", "江州理工大学", "江州航空大学", "江州科创发展集团", "江州市海淀区人民法院",
                                    "人力资源和社会保障部", "江州知微数据科技有限公司", "江州软件园", "江州橙果教育科技有限公司",
                                    "江州量衡科技有限公司", "江州市国有资产监督管理委员会"}
    assert not [label for label in corpus.entities if label.startswith(("表彰", "奖励", "入选者", "嘉宾", "颁奖", "现", "搬离",
                                                                        "原告", "持有", "实际", "人为", "社会"))]
    assert corpus.entities["江州市海淀区人民法院"].subtype == "GovernmentBody"
    assert {(m.person, m.organisation) for m in corpus.memberships} >= {
        ("钱永泽", "江州大学"), ("何立军", "江州科创发展集团"), ("韩冰", "江州知微数据科技有限公司")}


def test_a_products_release_and_a_talks_title_are_no_policies(tmp_path):
    """《深流大模型2.0》 is a product's release, 题为《…》的主旨报告 and 主题报告：《…》 a talk's title; 《…办法》 a policy."""
    text = ("江州深流智算科技有限公司发布《深流大模型2.0》。江州大学教授李卫东作题为《具身智能的技术路线与产业机遇》的主旨报告。\n"
            "主题报告：《大模型如何赋能工业制造》\n江州市科学技术委员会印发《江州量子产业发展支持办法》。")
    corpus = extract(tmp_path, text)
    assert [label for label, e in corpus.entities.items() if e.type.value == "Policy"] == ["江州量子产业发展支持办法"]


def test_names_end_before_yi_ji_and_after_gan_xie(tmp_path):
    """总经理冯涛以及…: the person is 冯涛; 感谢A、B的支持: A is named without 感谢."""
    text = ("出席活动的有江州软件园发展有限责任公司总经理冯涛以及来自30余家企业的代表。"
            "江州理工大学党委书记张军成致辞，感谢江州市人民政府、江州市科学技术协会的支持。")
    corpus = extract(tmp_path, text)
    assert {"冯涛", "江州市人民政府"} <= set(corpus.entities)
    assert not [label for label in corpus.entities if label.startswith("感谢") or label.endswith("以")]


def test_hong_kong_and_taiwan_titles_and_names_joined_by_a_hyphen_or_a_dot(tmp_path):
    """副執行長 and 副行政總裁 are titles of their own (not 行长, 总裁); BOE-BAAI联合实验室, 港科-清华联合研究院 and
    中关村·香港创新中心 are whole names; 2024-2025年 joins nothing."""
    text = ("鴻海精密工業股份有限公司副執行長李維斌出席。香港科技園公司副行政總裁李志明出席。"
            "BOE-BAAI联合实验室在江州软件园揭牌成立。港科-清华联合研究院由清华大学运营。中关村·香港创新中心在香港科学园揭牌成立。"
            "2024-2025年，江州星河科技有限公司入驻江州软件园。")
    corpus = extract(tmp_path, text)
    assert {(m.person, m.title) for m in corpus.memberships} == {("李维斌", "副执行长"), ("李志明", "副行政总裁")}
    assert {"BOE-BAAI联合实验室", "港科-清华联合研究院", "中关村·香港创新中心", "江州星河科技有限公司"} <= set(corpus.entities)


def test_a_one_character_place_word_inside_a_brand_opens_no_name(tmp_path):
    """江州|远望|云|有限公司: jieba's verb 远望 and place 云 are the brand; 选举|江州|擎宇… still starts at the place."""
    text = "江州远望云有限公司成立于2015年。江州远望集团有限公司旗下的江州远望数据有限公司主要从事数据服务。"
    corpus = extract(tmp_path, text)
    assert {"江州远望云有限公司", "江州远望数据有限公司", "江州远望集团有限公司"} <= set(corpus.entities)
    assert "云有限公司" not in corpus.entities


def test_labels_certificates_drugs_and_two_names_joined_by_a_commission_are_no_policies_or_one_name(tmp_path):
    """《X说明书（2024年修订版）》, 《药品注册证书》, 《天衡康颗粒》: no policies; A委托B开展…: two companies."""
    text = ("江州启晟生物医药科技有限公司发布《启瑞替尼片说明书（2024年修订版）》。该公司获得《药品注册证书》。"
            "江州天衡生物科技有限公司的《天衡康颗粒》获批上市。"
            "江州康泓医药研究有限公司委托江州昭衍新药研究中心股份有限公司开展临床前安全性评价。")
    corpus = extract(tmp_path, text)
    assert not [e for e in corpus.entities.values() if e.type.value == "Policy"]
    assert {"江州康泓医药研究有限公司", "江州昭衍新药研究中心股份有限公司"} <= set(corpus.entities)


def test_roles_of_a_tender_and_verbs_jieba_cuts_apart_end_names(tmp_path):
    """采购人A公司, 第二中标候选人A公司, 毕业后入职A研究院 (jieba: 采购|人, 后入|职): the name starts at A; 投标联合体
    is no consortium."""
    text = ("采购人江州科学城建设发展有限公司发布公告。第二中标候选人江州博睿科技有限公司未中标。"
            "王思远毕业后入职江州智源人工智能研究院。中标人为由江州京投科技有限公司牵头的投标联合体。")
    corpus = extract(tmp_path, text)
    assert {"江州科学城建设发展有限公司", "江州博睿科技有限公司", "江州智源人工智能研究院"} <= set(corpus.entities)
    assert not [label for label in corpus.entities if label.startswith(("采购", "第二", "中标", "王思远", "毕业"))]
    assert "投标联合体" not in corpus.entities


def test_an_operators_duty_verb_is_no_part_of_the_park_after_it(tmp_path):
    """A将负责P…的日常运营, A负责运营P (jieba: 负责|运营): P's name starts after the verb."""
    text = ("江州启迪园区运营管理有限公司将负责江州科学城的日常运营服务。"
            "江州东升园区运营服务有限公司负责运营江州东升科技园。")
    corpus = extract(tmp_path, text)
    assert {"江州科学城", "江州东升科技园"} <= set(corpus.entities)
    assert not [label for label in corpus.entities if label.startswith(("负责", "运营"))]


def test_verbs_of_a_notice_are_no_part_of_a_body_or_an_alliance(tmp_path):
    """关于转发市科委等部门《…》的通知, 审议联盟理事会工作报告: no body 转发市科委, no alliance 审议联盟."""
    text = "关于转发市科委等部门《关于支持概念验证的若干措施》的通知\n审议联盟理事会工作报告。联盟现有会员单位156家。"
    corpus = extract(tmp_path, text)
    assert not [label for label in corpus.entities if label.startswith(("转发", "审议"))]
    assert not [a for a in corpus.attributes if a.property == "memberCount"]


def test_a_parks_generic_platform_is_the_parks_and_not_every_parks(tmp_path):
    """X园公共服务平台 is one platform named in full: a bare 公共服务平台 would be one node shared by every park."""
    corpus = extract(tmp_path, "江州软件园公共服务平台已累计服务企业800余家。\n"
                               "江州经济技术开发区公共服务平台于2021年上线运行。\n"
                               "江州高新区白鹭数字产业园已入驻企业120家。")
    found = types(corpus)
    assert {"江州软件园公共服务平台", "江州经济技术开发区公共服务平台"} <= set(found)
    assert "公共服务平台" not in found
    assert ("白鹭数字产业园", "partOf", "江州高新区") in triples(corpus)


def test_markets_of_property_technology_or_data_are_no_stock_exchanges(tmp_path):
    corpus = extract(tmp_path, "江州产权交易所与江州技术交易所联合举办成果对接会。\n"
                               "江州星辰科技有限公司2023年在香港交易所上市。\n"
                               "江州云帆数据有限公司2022年在深圳证券交易所创业板上市。")
    exchanges = {e.label for e in corpus.entities.values() if e.subtype == "StockExchange"}
    assert exchanges == {"香港交易所", "深圳证券交易所"}
    assert {"江州产权交易所", "江州技术交易所"} <= set(types(corpus))


def test_a_notice_that_forwards_a_city_office_s_file_names_the_office_alone(tmp_path):
    """现将市科委有关文件转发给你们: jieba makes 现将市 one word, which would open a body 现将市科委."""
    corpus = extract(tmp_path, "江州科学城管委会发布通知。现将市科委有关文件转发给你们，请遵照执行。")
    assert set(types(corpus)) == {"江州科学城管委会", "市科委"}


def test_verbs_and_words_jieba_glues_to_a_name_stay_out_of_it(tmp_path):
    """毕业|于云湖|大学, 曾|任云湖|理工学院, 获云湖|资本, 由|原华锐|集团 (jieba's HMM glues the verb to the
    unknown word), and 老东家, 希望, 建议, 申请加入, 并入, 加快, 原名, 设立|分公司, 公司获得X领投, 计划|领投该|公司."""
    corpus = extract(tmp_path,
                     "江州光子科技有限公司董事长吴光明毕业于云湖大学。\n"
                     "吴光明2019年起任云湖新材料集团党委书记。\n"
                     "此前该公司曾于2022年获云湖资本天使轮投资，由其老东家云湖创投领投。\n"
                     "此前，云湖资本曾计划领投该公司A轮，但最终放弃。\n"
                     "林志远曾任云湖理工学院教授。该团队由原华锐集团高管吴铭带领。\n"
                     "江州光电有限公司原名江州光电技术研究所。\n"
                     "公司获得华锐集团领投的B轮融资。\n"
                     "华锐集团曾申请加入联盟，但未获批准。\n"
                     "希望云湖锐思半导体有限公司能够在青溪设立分公司。\n"
                     "建议江州海纳投资有限公司等社会资本参与。\n"
                     "关于《加快青溪科学城建设的提案》的答复。\n"
                     "尚未决定是否将江州软件园并入江州高新区。")
    organisations_and_platforms = {label for label, kind in types(corpus).items() if kind != "Person"}
    assert organisations_and_platforms == {
        "江州光子科技有限公司", "云湖大学", "云湖新材料集团", "云湖资本", "云湖创投", "云湖理工学院", "华锐集团",
        "江州光电有限公司", "江州光电技术研究所", "云湖锐思半导体有限公司", "江州海纳投资有限公司", "青溪科学城",
        "江州软件园", "江州高新区"}


def test_a_city_s_office_keeps_its_city_and_other_parties_are_no_organs_of_the_state(tmp_path):
    """江州|市|国资委 is the city's (a bare 国资委 would be the State Council's); 民盟江州市委 is a party's
    committee, which ends like 中共江州市委 but is no government body; 主委 is its chair's title."""
    corpus = extract(tmp_path, "江州市国资委控股江州建设集团有限公司。\n"
                               "该提案由民盟江州市委提交。九三学社云湖市委副主委刘强表示，将继续关注。\n"
                               "中共江州市委书记王海出席。")
    kinds = {e.label: e.subtype for e in corpus.entities.values()}
    assert kinds["江州市国资委"] == "GovernmentBody" and "国资委" not in kinds
    assert kinds["中共江州市委"] == "GovernmentBody"
    assert kinds["民盟江州市委"] is None and kinds["九三学社云湖市委"] is None
    assert [(m.person, m.organisation, m.title) for m in corpus.memberships if m.person == "刘强"] == [
        ("刘强", "九三学社云湖市委", "副主委")]


def test_verbs_of_ads_lawsuits_and_launches_stay_out_of_names(tmp_path):
    """调往, 任职|于云湖, 10月8|日云湖, 经云|湖市, 下属事业单位, A|诉云湖|B, 来源于, 诉至, 约定, 邀请, 副总裁|兼:
    none opens a name; 中国专利奖 is an award; 工程局 is a builder; a university's 附属中学 is no university."""
    corpus = extract(tmp_path,
                     "周建国教授已调往云湖大学担任副校长。\n"
                     "曾任职于云湖光电股份有限公司者优先。\n"
                     "宣讲会安排：9月25日青溪大学，10月8日云湖理工大学。\n"
                     "经云湖市中级人民法院主持调解，双方达成和解。\n"
                     "江州市科学技术局下属事业单位江州科技情报研究所招聘工作人员3名。\n"
                     "江州星河科技有限公司诉云湖智能装备有限公司侵犯专利权纠纷案近日宣判。\n"
                     "其产品使用的技术来源于云湖理工大学的公开论文。\n"
                     "星河公司将其诉至江州市中级人民法院。\n"
                     "双方约定实验室产生的专利由双方共同所有。\n"
                     "星河科技邀请云湖芯片有限公司首席执行官吴晓峰登台。\n"
                     "发布会由星河科技副总裁兼星河研究院院长马丽主持。\n"
                     "第二十五届中国专利奖评选结果揭晓。\n"
                     "一期工程由中建云湖工程局承建。\n"
                     "应聘岗位：江州大学附属中学数学教师。")
    kinds = {e.label: e.subtype for e in corpus.entities.values() if e.type.value != "Person"}
    assert kinds == {
        "云湖大学": "University", "云湖光电股份有限公司": "Company", "青溪大学": "University",
        "云湖理工大学": "University", "云湖市中级人民法院": "GovernmentBody",
        "江州市科学技术局": "GovernmentBody", "江州科技情报研究所": "ResearchInstitute",
        "江州星河科技有限公司": "Company", "云湖智能装备有限公司": "Company",
        "江州市中级人民法院": "GovernmentBody", "云湖芯片有限公司": "Company", "星河研究院": "ResearchInstitute",
        "中建云湖工程局": "Company", "江州大学附属中学": None}
    assert [(m.person, m.organisation, m.title) for m in corpus.memberships if m.person == "马丽"] == [
        ("马丽", "星河研究院", "院长")]


def test_a_committee_of_an_alliance_is_its_body_and_a_conjunction_after_a_place_can_open_a_brand(tmp_path):
    """X产业联盟专家委员会 and X大学学术委员会 are bodies of X, not of the state (江州市科学技术委员会 is one);
    青溪|和|信|药业有限公司 is 青溪和信药业有限公司; in …，并与江州大学合并 并 is no character of a name."""
    corpus = extract(tmp_path, "李明当选江州人工智能产业联盟专家委员会委员。江州大学学术委员会召开会议。\n"
                               "江州市科学技术委员会印发通知。\n"
                               "江州博远生物科技有限公司控股青溪和信药业有限公司。\n"
                               "青溪师范大学更名为青溪大学，并与江州大学合并组建青江联合大学。")
    kinds = {e.label: e.subtype for e in corpus.entities.values() if e.type.value == "Organisation"}
    assert kinds["江州人工智能产业联盟专家委员会"] == "Department" and kinds["江州大学学术委员会"] == "Department"
    assert kinds["江州市科学技术委员会"] == "GovernmentBody"
    assert "青溪和信药业有限公司" in kinds and "江州大学" in kinds
    assert not any(label.startswith(("信药业", "并与")) for label in kinds)


def test_words_of_visits_fairs_and_fund_prospectuses_end_names(tmp_path):
    """走访, 亮相, 购入, 扩募, 受托|运营, 原始|权益人, 项目公司, 负责人|为云|湖…: none is part of a name;
    校长|吴国|强|与|X公司 is a person and 与 (jieba took 吴国 for a place)."""
    corpus = extract(tmp_path,
                     "云湖大学党委副书记郑海燕走访云湖航天测控技术研究所。\n"
                     "此次携“数联云脑”平台亮相江州国际科技博览会数字经济展区。\n"
                     "本基金拟扩募购入云湖生物医药产业园项目。\n"
                     "江州园区运营服务有限公司受托运营云湖产业园。\n"
                     "原始权益人江州科学城发展集团有限公司承诺认购。持有项目公司江州软件园一期有限公司100%股权。\n"
                     "展区负责人为云湖智芯半导体股份有限公司市场总监方静。\n"
                     "青溪师范学院校长吴国强与青溪翰林教育科技有限公司董事长孙浩出席仪式。")
    labels = {label for label, kind in types(corpus).items() if kind != "Person"}
    assert {"云湖航天测控技术研究所", "江州国际科技博览会", "云湖生物医药产业园", "江州园区运营服务有限公司",
            "江州科学城发展集团有限公司", "云湖智芯半导体股份有限公司", "青溪翰林教育科技有限公司"} <= labels
    assert not [label for label in labels if label.startswith(("走访", "平台", "扩募", "运营", "原始", "项目公司", "为", "吴国强"))]
