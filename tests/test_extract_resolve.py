"""One entity per thing, whatever the paragraph calls it."""
from extract_helpers import entity_named, extract, triples

from zgc_graph import api


def test_declared_short_form(tmp_path):
    corpus = extract(tmp_path, "北京青松生物医药科技有限公司(以下简称“青松生物”)今年营收翻番。青松生物董事长李想表示将扩产。")
    entity = entity_named(corpus, "青松生物")
    assert entity.label == "北京青松生物医药科技有限公司"
    assert [e for e in corpus.entities.values() if "青松生物" in e.names] == [entity]


def test_country_prefix_and_company_forms(tmp_path):
    corpus = extract(tmp_path, "法国达索集团高级副总裁马克表示看好中国市场。达索集团与星河集团签署合作协议。"
                               "星河科技等5家企业入选名单。")
    assert entity_named(corpus, "达索集团") is entity_named(corpus, "法国达索集团")
    assert entity_named(corpus, "星河科技") is entity_named(corpus, "星河集团")


def test_zone_designations_and_abbreviations(tmp_path):
    corpus = extract(tmp_path, "张江科技园区是上海的创新高地。张江示范区内企业在上海证券交易所上市，"
                               "今年新增上交所上市公司5家。")
    assert entity_named(corpus, "张江示范区") is entity_named(corpus, "张江科技园区")
    assert entity_named(corpus, "上交所") is entity_named(corpus, "上海证券交易所")


def test_a_company_named_by_the_start_of_its_name(tmp_path):
    corpus = extract(tmp_path, "江城芯联集成电路制造有限公司发布财报。江城芯联联席首席执行官赵海军表示，产能回升。")
    company = entity_named(corpus, "江城芯联")
    assert company.label == "江城芯联集成电路制造有限公司"
    assert {(m.person, m.organisation, m.title) for m in corpus.memberships} == {
        ("赵海军", "江城芯联集成电路制造有限公司", "联席首席执行官")}


def test_a_hospital_named_without_its_university_and_place(tmp_path):
    """仁和医院 is 清河医科大学附属江州仁和医院 (its parent and place dropped); 博爱医院 is another hospital."""
    corpus = extract(tmp_path, "清河医科大学附属江州仁和医院与江州博爱医院签署合作协议。仁和医院副院长马建国介绍，"
                               "双方将共享临床数据。")
    hospital = entity_named(corpus, "仁和医院")
    assert hospital.label == "清河医科大学附属江州仁和医院"
    assert entity_named(corpus, "江州博爱医院") is not hospital
    assert ("马建国", "affiliatedWith", "清河医科大学附属江州仁和医院") in triples(corpus)


def test_a_start_two_companies_share_or_a_place_and_industry_word_names_neither(tmp_path):
    corpus = extract(tmp_path, "云帆光电显示技术有限公司与云帆光电材料有限公司签署协议。云帆光电将扩产。"
                               "北京科技创新投资有限公司成立，北京科技也将参与。")
    names = {name for e in corpus.entities.values() for name in e.names}
    assert "云帆光电" not in names and "北京科技" not in names


def test_a_short_name_without_the_place_and_the_field(tmp_path):
    """智源研究院 is 北京智源人工智能研究院 (the core after the place starts the same); 江州研究院 is
    a place and a suffix, short for nothing; 星海研究院 has two longer names to choose from."""
    corpus = extract(tmp_path, "北京智源人工智能研究院发布新模型。智源研究院院长黄铁军介绍了进展。"
                               "江州星海材料研究院和江州星海能源研究院落户江州研究院旁。星海研究院正在招聘。")
    assert entity_named(corpus, "智源研究院").label == "北京智源人工智能研究院"
    assert entity_named(corpus, "星海研究院").label == "星海研究院"
    assert entity_named(corpus, "江州星海材料研究院") is not entity_named(corpus, "江州星海能源研究院")


def test_offices_named_with_an_abbreviated_ending(tmp_path):
    corpus = extract(tmp_path, "江州市科学技术委员会、江州高新技术产业开发区管理委员会联合发布通知。"
                               "市科委、江州高新区管委会将共同组织实施。江州市人民政府高度重视，江州市政府将给予支持。")
    assert entity_named(corpus, "市科委").label == "江州市科学技术委员会"
    assert entity_named(corpus, "江州高新区管委会").label == "江州高新技术产业开发区管理委员会"
    assert entity_named(corpus, "江州市政府").label == "江州市人民政府"
    assert len([e for e in corpus.entities.values() if e.type.value == "Organisation"]) == 3


def test_similar_names_stay_apart(tmp_path):
    corpus = extract(tmp_path, "北京大学与北京理工大学共建联合实验室。华为与华威集团签署合作协议。")
    assert entity_named(corpus, "北京大学") is not entity_named(corpus, "北京理工大学")
    assert entity_named(corpus, "华为") is not entity_named(corpus, "华威集团")


def test_bare_office_resolves_to_the_full_name(tmp_path):
    corpus = extract(tmp_path, "天津市政府印发若干措施。天津市委、市政府高度重视科技创新。")
    assert entity_named(corpus, "市政府").label == "天津市政府"


def test_a_title_after_the_name_does_not_lengthen_it(tmp_path):
    # jieba reads 院长沙晓 as 院|长沙|晓: the 院 of 院长 must not make a second institute
    corpus = extract(tmp_path, "江州大学技术转移院负责成果转化。据江州大学技术转移研究院院长沙晓介绍，"
                               "该技术已作价入股。")
    assert entity_named(corpus, "江州大学技术转移院") is entity_named(corpus, "江州大学技术转移研究院")
    assert not [label for label in corpus.entities if label.endswith("研究院院")]


def test_a_name_that_is_a_person_here_and_a_company_there_still_builds_a_valid_graph(tmp_path):
    """An entity is one kind of thing: the facts that need the other kind are left out, and said so,
    instead of a graph that breaks its own domains and ranges (and a build that writes nothing)."""
    from zgc_graph import api

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("云帆科技园管委会主任韩立新表示，园区今年将新建三个孵化器。", encoding="utf-8")
    (docs / "b.txt").write_text("北京云帆大学与华为、韩立新、腾讯等高科技企业共建了多个联合研发平台。", encoding="utf-8")
    report = api.build([docs], tmp_path / "out", formats=["turtle"], jobs=1)  # validates, as the CLI does
    assert report.corpus.entities["韩立新"].type.value == "Person"
    assert [(f.subject, f.predicate, f.object) for f in report.left_out] == [("北京云帆大学", "partnerOf", "韩立新")]
    assert "1 fact(s) left out" in report.summary()
    turtle = report.outputs["turtle"].read_text(encoding="utf-8")
    assert "zgc:affiliatedWith" in turtle and "华为" in turtle


def test_an_office_named_by_its_level_is_a_different_one_in_each_document(tmp_path):
    """市政府 is 北京市政府 in one article and 天津市政府 in the next: never one entity."""
    from zgc_graph import api

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("北京市政府印发《关于支持新型研发机构发展的若干措施》。市政府还将加大投入。", encoding="utf-8")
    (docs / "b.txt").write_text("天津市政府印发《关于推动智能制造发展的若干措施》。市政府还将设立专项资金。", encoding="utf-8")
    (docs / "c.txt").write_text("江州市政府出资设立了江州天使基金。", encoding="utf-8")
    corpus, _ = api.extract_corpus([docs], jobs=1)
    governments = {label: e.aliases for label, e in corpus.entities.items() if label.endswith("政府")}
    assert governments == {"北京市政府": {"市政府"}, "天津市政府": {"市政府"}, "江州市政府": set()}


def test_a_short_name_in_brackets_that_begins_as_the_name_does(tmp_path):
    """X（Y）: Y is another name of X when it begins as X does (江州亦庄, later used alone); a stock code,
    a place inside a name (青松大学（深圳）研究院) and a description (抖音母公司) are none."""
    text = ("江州具身智能产业联盟在江州经济技术开发区（江州亦庄）成立。星河集团（01810）和青松大学（深圳）研究院出席。"
            "江州亦庄将提供支持。字节跳动有限公司（抖音母公司）也参加了。")
    corpus = extract(tmp_path, text)
    assert corpus.entities["江州经济技术开发区"].aliases == {"江州亦庄"}
    assert "江州亦庄" not in corpus.entities
    assert not corpus.entities["字节跳动有限公司"].aliases and not corpus.entities["星河集团"].aliases
    assert "青松大学(深圳)研究院" in corpus.entities


def test_a_latin_name_in_brackets_is_another_name_and_never_the_label(tmp_path):
    """美国星河公司（Xinghe）与B共建的5G联合创新实验室: Xinghe is another name of the company, whose label stays
    Chinese; the two build the lab, whose name keeps its 联合."""
    text = ("美国星河公司（Xinghe）与江州青松移动软件有限公司共建的5G联合创新实验室在江州揭牌。"
            "Xinghe中国区董事长林海出席。")
    corpus = extract(tmp_path, text)
    assert corpus.entities["美国星河公司"].aliases >= {"Xinghe"}
    assert {(m.person, m.organisation) for m in corpus.memberships} == {("林海", "美国星河公司")}
    assert {o for s, p, o in triples(corpus) if s == "5G联合创新实验室" and p == "operatedBy"} == {
        "美国星河公司", "江州青松移动软件有限公司"}


def test_a_companys_name_cut_after_a_word_also_stands_without_its_place(tmp_path):
    """江州星河动力航天科技股份有限公司 … 星河动力: the short name drops the place as well as the tail."""
    text = "江州星河动力航天科技股份有限公司今年完成了三次发射。星河动力创始人刘百川毕业于江州大学。"
    corpus = extract(tmp_path, text)
    assert "星河动力" in corpus.entities["江州星河动力航天科技股份有限公司"].aliases
    assert {(m.person, m.organisation) for m in corpus.memberships} == {("刘百川", "江州星河动力航天科技股份有限公司")}


def test_a_short_title_quoted_and_marked_and_a_short_name_with_its_tail(tmp_path):
    """（以下简称“《措施》”）: the policy's facts are the full title's; 芯源微电子 (a tail left on, no place)
    is 北京芯源微电子有限公司, so its general manager is that company's."""
    corpus = extract(tmp_path, "江州市科技局发布《江州市支持硬科技企业发展的若干措施（试行）》（以下简称“《措施》”）。"
                               "《措施》自2024年4月1日起施行。由北京芯源微电子有限公司牵头组建的江州半导体创新联合体揭牌。"
                               "芯源微电子总经理周启明表示，联合体将扩大规模。")
    policy = entity_named(corpus, "措施")
    assert policy.label == "江州市支持硬科技企业发展的若干措施(试行)"
    assert [(a.subject, str(a.value)) for a in corpus.attributes if a.property == "effectiveFrom"] == [
        (policy.label, "2024-04-01")]
    assert "芯源微电子" in entity_named(corpus, "北京芯源微电子有限公司").aliases
    assert {(m.person, m.organisation, m.title) for m in corpus.memberships} == {
        ("周启明", "北京芯源微电子有限公司", "总经理")}


def test_a_declared_short_title_is_not_also_the_repealed_policy_it_ends(tmp_path):
    """《A（试行）》（…以下简称《办法》）…《B暂行办法》同时废止: 办法 is A's; B stays a policy of its own, replaced by A."""
    corpus = extract(tmp_path, "江州市科学技术局印发《江州科技型企业贷款贴息支持办法（试行）》（江科发〔2024〕3号，以下简称《办法》）。"
                               "《办法》自2024年3月1日起施行，2021年发布的《江州科技信贷贴息管理暂行办法》同时废止。")
    new, old = "江州科技型企业贷款贴息支持办法(试行)", "江州科技信贷贴息管理暂行办法"
    assert entity_named(corpus, "办法").label == new and old in corpus.entities
    assert (new, "replaces", old) in triples(corpus)


def test_a_subsidiary_and_its_parent_are_two_companies_however_alike_their_names(tmp_path):
    """北京数境科技有限公司 and 北京数境控股集团有限公司 share a core (数境) but are two registered names;
    A是B的全资子公司 keeps them apart as well, and makes A a unit of B."""
    corpus = extract(tmp_path, "江州数境科技有限公司是江州数境控股集团有限公司的全资子公司。江州数境科技有限公司成立于2016年。")
    assert {"江州数境科技有限公司", "江州数境控股集团有限公司"} <= set(corpus.entities)
    assert ("江州数境科技有限公司", "subOrganizationOf", "江州数境控股集团有限公司") in triples(corpus)
    corpus = extract(tmp_path, "江州数境控股集团有限公司召开年会。江州数境科技有限公司发布新品。", "two.txt")
    assert {"江州数境科技有限公司", "江州数境控股集团有限公司"} <= set(corpus.entities)


def test_a_short_name_for_a_kind_of_office_joins_nothing_across_documents(tmp_path):
    """One article calls 江州青禾园管理委员会 园区管委会; in another, 园区管委会 is that article's own park's
    committee, so its director is no member of the first."""
    (tmp_path / "a.txt").write_text("江州青禾园管理委员会（以下简称“园区管委会”）印发《青禾园人才办法》。园区管委会主任李明出席。",
                                    encoding="utf-8")
    (tmp_path / "b.txt").write_text("澄海区科技园区管委会召开会议。园区管委会主任韩启明出席会议并讲话。", encoding="utf-8")
    corpus, _ = api.extract_corpus([tmp_path])
    posts = {(m.person, m.organisation) for m in corpus.memberships}
    assert ("李明", "江州青禾园管理委员会") in posts and ("韩启明", "江州青禾园管理委员会") not in posts


def test_a_field_between_place_and_university_makes_another_university(tmp_path):
    """云湖大学 is not short for 云湖理工大学, even where jieba does not know 云湖 as a place."""
    corpus = extract(tmp_path, "宣讲会安排：9月25日青溪大学，10月8日云湖大学，10月9日云湖理工大学。")
    assert {e.label: e.aliases for e in corpus.entities.values()} == {
        "青溪大学": set(), "云湖大学": set(), "云湖理工大学": set()}


def test_a_line_of_business_is_no_company_s_short_name(tmp_path):
    """基金管理 of 江州基金管理有限公司 and 新能源 of 青溪新能源有限公司 are words of a trade (`industry_words`)."""
    corpus = extract(tmp_path, "基金管理人：江州基金管理有限公司。本基金由基金管理人负责。\n"
                               "展会集中展示新能源和机器人产品。青溪新能源有限公司参展。")
    assert {e.label: e.aliases for e in corpus.entities.values()} == {
        "江州基金管理有限公司": set(), "青溪新能源有限公司": set()}
