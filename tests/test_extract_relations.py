"""Relations, numbers and dates, each with the sentence it was read from."""
from datetime import date

from extract_helpers import entity_named, extract, triples


def test_consortium_leader_members_and_count(tmp_path):
    text = ("2023年，星河集团牵头组建“长城智能装备创新联合体”。该创新联合体由星河集团联合9家上下游企业、"
            "5家高校院所等15家单位共同组建，成员单位包括蓝图大学、青松研究院、云杉智造等。")
    corpus = extract(tmp_path, text)
    found = triples(corpus)
    consortium = "长城智能装备创新联合体"
    assert ("星河集团", "leads", consortium) in found
    for member in ("蓝图大学", "青松研究院", "云杉智造"):
        assert (member, "memberOf", consortium) in found
    counts = [a for a in corpus.attributes if a.property == "memberCount"]
    assert [(a.subject, a.value) for a in counts] == [(consortium, 15)]
    for rel in corpus.relations:
        assert rel.evidence.text in text
        assert text[rel.evidence.char_start:rel.evidence.char_end] == rel.evidence.text


def _groups(corpus) -> set[tuple[str, int, str]]:
    return {(a.subject, a.value.size, a.value.kind) for a in corpus.attributes if a.property == "memberGroup"}


def test_founders_of_an_organisation(tmp_path):
    text = ("江州人工智能研究院今天揭牌。该研究院由江州大学、蓝图科技股份有限公司和江州市人民政府共同组建。"
            "江州仪器和传感器有限公司由江州市政府与星河研究院共同出资成立。由江州市政府出资设立的江州科技成长基金正式运行。")
    founded = {(s, o) for s, p, o in triples(extract(tmp_path, text)) if p == "foundedBy"}
    assert founded == {("江州人工智能研究院", "江州大学"), ("江州人工智能研究院", "蓝图科技股份有限公司"),
                       ("江州人工智能研究院", "江州市人民政府"), ("江州仪器和传感器有限公司", "江州市人民政府"),
                       ("江州仪器和传感器有限公司", "星河研究院"), ("江州科技成长基金", "江州市人民政府")}


def test_founders_named_before_the_verb(tmp_path):
    text = ("江州市自然科学基金委员会与星河集团联合设立“江州—星河原始创新联合基金”。"
            "江州市人民政府和蓝图集团共同出资成立江州芯片产业投资有限公司。江州大学与蓝图集团成立了合作关系。")
    founded = {(s, o) for s, p, o in triples(extract(tmp_path, text)) if p == "foundedBy"}
    assert founded == {("江州—星河原始创新联合基金", "江州市自然科学基金委员会"), ("江州—星河原始创新联合基金", "星河集团"),
                       ("江州芯片产业投资有限公司", "江州市人民政府"), ("江州芯片产业投资有限公司", "蓝图集团")}


def test_founders_of_an_institute_described_with_a_copula(tmp_path):
    """X是由A联合B、C等共同组建的新型研发机构; A与B共同组建X: founders of an institute found it,
    they are not its members (an association's co-founders are)."""
    text = ("江州量子科学研究院是由江州市政府联合江州大学、星河研究院等共同组建的新型研发机构。"
            "2019年，江州市人民政府与蓝图大学于当年共同组建江州人工智能研究院。"
            "江州软件企业、青松大学共同发起成立江州软件行业协会。")
    found = triples(extract(tmp_path, text))
    assert {(s, o) for s, p, o in found if p == "foundedBy" and s != "江州软件行业协会"} == {
        ("江州量子科学研究院", "江州市人民政府"), ("江州量子科学研究院", "江州大学"), ("江州量子科学研究院", "星河研究院"),
        ("江州人工智能研究院", "江州市人民政府"), ("江州人工智能研究院", "蓝图大学")}
    assert {(s, o) for s, p, o in found if p == "memberOf"} == {("青松大学", "江州软件行业协会")}


def test_operators_and_hosts_of_platforms(tmp_path):
    """依托A建设的P, P由A承建，依托B和C共同建设, A运营的P, P的运营主体为A: A operates P;
    依托 the research strength of universities, or a speaker's 依托, operates nothing."""
    text = ("依托蓝图大学建设的北京信息科学与技术国家研究中心今年新增研究人员200名。"
            "该中心由江州中关村发展集团股份有限公司负责运营。"
            "江州智能网联汽车创新中心由江州汽车集团有限公司承建，依托江州理工大学和江州市交通研究院共同建设。"
            "江州人工智能产业园的运营主体为江州科技园发展有限公司。"
            "江州创新发展集团有限公司运营的江州孵化器已入驻企业30家。"
            "江州大学表示，依托江州理工大学建设了实验平台。依托青松大学等高校的科研力量，江州创新中心建设加快。")
    operated = {(s, o) for s, p, o in triples(extract(tmp_path, text)) if p == "operatedBy"}
    centre = "北京信息科学与技术国家研究中心"
    assert operated == {(centre, "蓝图大学"), (centre, "江州中关村发展集团股份有限公司"),
                        ("江州智能网联汽车创新中心", "江州汽车集团有限公司"), ("江州智能网联汽车创新中心", "江州理工大学"),
                        ("江州智能网联汽车创新中心", "江州市交通研究院"),
                        ("江州人工智能产业园", "江州科技园发展有限公司"), ("江州孵化器", "江州创新发展集团有限公司")}


def test_organisers_of_a_forum(tmp_path):
    """本届论坛由A、B和C共同主办，D承办; 由A主办的P; P的主办单位为A和B: each organises P; a
    company that hosts a meeting in its building organises no forum."""
    text = ("2026江州科技论坛年会今天开幕。本届论坛由江州市科学技术局、江州市科学技术协会和江州市人民政府共同主办，"
            "江州高新区管理委员会承办。由蓝图大学主办的江州人工智能峰会同日举行。"
            "江州创新博览会的主办单位为江州市商务局和江州市工业和信息化局。青松科技有限公司主办了一场招聘会。")
    organised = {(s, o) for s, p, o in triples(extract(tmp_path, text)) if p == "organisedBy"}
    assert organised == {("江州科技论坛", "江州市科学技术局"), ("江州科技论坛", "江州市科学技术协会"),
                         ("江州科技论坛", "江州市人民政府"), ("江州科技论坛", "江州高新区管理委员会"),
                         ("江州人工智能峰会", "蓝图大学"), ("江州创新博览会", "江州市商务局"),
                         ("江州创新博览会", "江州市工业和信息化局")}


def test_the_day_a_policy_takes_effect(tmp_path):
    """自…起施行 (and 有效期至…) for the policy named before it, 该办法于…正式生效 for the paragraph's policy; a
    project carried out in a month takes no effect, and the issue date stays the issue date."""
    text = ("2026年11月20日，江州市科学技术局印发《关于支持概念验证平台建设的若干措施》，自2026年12月1日起施行，"
            "有效期至2029年11月30日。"
            "江州市人民政府印发《江州市科技创新促进办法》。该办法于2027年1月正式生效。"
            "2023年5月，江州市实施了一批重大项目。")
    corpus = extract(tmp_path, text)
    dates = {(a.subject, a.property, a.value.isoformat(), a.precision) for a in corpus.attributes
             if a.property in ("effectiveFrom", "effectiveUntil", "issuedOn")}
    assert dates == {("关于支持概念验证平台建设的若干措施", "issuedOn", "2026-11-20", "day"),
                     ("关于支持概念验证平台建设的若干措施", "effectiveFrom", "2026-12-01", "day"),
                     ("关于支持概念验证平台建设的若干措施", "effectiveUntil", "2029-11-30", "day"),
                     ("江州市科技创新促进办法", "effectiveFrom", "2027-01-01", "month")}


def test_a_period_of_validity_gives_the_first_and_the_last_day(tmp_path):
    """自…起至…止施行 and 有效期为…至…: both ends; a window for applications or comments is no term of validity."""
    text = ("江州市科学技术局印发《江州市研发费用补贴实施细则》，自2024年1月1日起至2026年12月31日止施行。"
            "江州市人民政府印发《江州市概念验证中心认定办法》，有效期为2025年3月1日至2028年2月29日。"
            "申报时间为自2025年4月1日至2025年5月30日，逾期不予受理。"
            "《江州市孵化器管理办法》自2025年4月1日至2025年6月30日面向社会公开征求意见。")
    corpus = extract(tmp_path, text)
    dates = {(a.subject, a.property, a.value.isoformat()) for a in corpus.attributes
             if a.property in ("effectiveFrom", "effectiveUntil")}
    assert dates == {("江州市研发费用补贴实施细则", "effectiveFrom", "2024-01-01"),
                     ("江州市研发费用补贴实施细则", "effectiveUntil", "2026-12-31"),
                     ("江州市概念验证中心认定办法", "effectiveFrom", "2025-03-01"),
                     ("江州市概念验证中心认定办法", "effectiveUntil", "2028-02-29")}


def test_a_term_of_validity_in_years_ends_the_day_before_its_anniversary(tmp_path):
    """自…起施行，有效期3年: the policy's last day is the day before the third anniversary of its
    first (a 29 February counts to 28 February); a term with no first day stated gives no last day."""
    text = ("江州市科学技术局印发《江州市支持概念验证的若干措施》。该措施自2027年1月1日起施行，有效期3年。"
            "江州市人民政府发布《江州市促进人工智能发展的若干办法》，自2028年2月29日起实施，有效期为两年。"
            "江州市经济和信息化局印发《江州市数据要素行动方案》，有效期5年。")
    corpus = extract(tmp_path, text)
    until = {(a.subject, a.value.isoformat()) for a in corpus.attributes if a.property == "effectiveUntil"}
    assert until == {("江州市支持概念验证的若干措施", "2029-12-31"), ("江州市促进人工智能发展的若干办法", "2030-02-28")}


def test_dates_written_in_chinese_numerals(tmp_path):
    """于二〇二四年五月八日印发, 自二〇二四年七月一日起施行，有效期三年, 成立于二〇一六年十二月: read as the
    same dates written in digits, with the precision the text gives."""
    text = ("江州市人民政府办公厅于二〇二四年五月八日印发《江州市促进科技成果转化实施办法》，"
            "自二〇二四年七月一日起施行，有效期三年。江州星云数据技术有限公司成立于二〇一六年十二月。")
    corpus = extract(tmp_path, text)
    dates = {(a.subject, a.property, a.value.isoformat(), a.precision) for a in corpus.attributes}
    assert dates == {("江州市促进科技成果转化实施办法", "issuedOn", "2024-05-08", "day"),
                     ("江州市促进科技成果转化实施办法", "effectiveFrom", "2024-07-01", "day"),
                     ("江州市促进科技成果转化实施办法", "effectiveUntil", "2027-06-30", "day"),
                     ("江州星云数据技术有限公司", "foundingDate", "2016-12-01", "month")}


def test_funding_support_and_a_controlling_shareholder(tmp_path):
    """X获得A、B的专项资金支持: funded by each; 获得国家资金支持 names no funder; …，其控股股东为B and
    X的母公司是B: X is a unit of B."""
    text = ("江州华芯微电子有限公司日前获得江州科技创新投资集团资金支持五千万元。"
            "江州数联科技有限公司获得江州市科学技术局、江州市财政局的专项资金支持。江州云图科技有限公司获得国家资金支持。"
            "江州华芯微电子有限公司是首批受益于《江州市集成电路产业发展支持办法》的企业之一，其控股股东为江州电子控股有限责任公司。"
            "江州云图科技有限公司的母公司是江州数联科技有限公司。")
    found = {(s, p, o) for s, p, o in triples(extract(tmp_path, text)) if p in ("fundedBy", "subOrganizationOf")}
    assert found == {("江州华芯微电子有限公司", "fundedBy", "江州科技创新投资集团"),
                     ("江州数联科技有限公司", "fundedBy", "江州市科学技术局"),
                     ("江州数联科技有限公司", "fundedBy", "江州市财政局"),
                     ("江州华芯微电子有限公司", "subOrganizationOf", "江州电子控股有限责任公司"),
                     ("江州云图科技有限公司", "subOrganizationOf", "江州数联科技有限公司")}


def test_inside_a_park_and_a_predecessor_described_by_its_founding(tmp_path):
    """P内的X, P里的X: X is in P; B前身为成立于二〇一六年的A: A is B's predecessor."""
    text = ("江州软件园内的江州数联科技有限公司已建成研发中心。江州高新区里的星河研究院正在扩建。"
            "据了解，江州星云智算科技有限公司前身为成立于二〇一六年的江州星云数据技术有限公司。")
    found = {(s, p, o) for s, p, o in triples(extract(tmp_path, text)) if p in ("locatedIn", "predecessorOf")}
    assert found == {("江州数联科技有限公司", "locatedIn", "江州软件园"), ("星河研究院", "locatedIn", "江州高新区"),
                     ("江州星云数据技术有限公司", "predecessorOf", "江州星云智算科技有限公司")}


def test_the_month_a_repealed_policy_was_issued(tmp_path):
    """2019年5月印发的《B》: B's issue date, whoever issued it (no issuer is guessed); 2018年印发的《C》: a
    year alone is no issue date."""
    text = ("江州市人民政府印发《江州市科技成果转化实施办法》，2019年5月印发的《江州市科技成果转化暂行办法》同时废止。"
            "2018年印发的《江州市孵化器管理办法》继续有效。")
    corpus = extract(tmp_path, text)
    issued = {(a.subject, a.value.isoformat(), a.precision) for a in corpus.attributes if a.property == "issuedOn"}
    assert issued == {("江州市科技成果转化暂行办法", "2019-05-01", "month")}
    assert ("江州市科技成果转化暂行办法", "issuedBy", "江州市人民政府") not in triples(corpus)


def test_a_forum_is_where_it_is_held_and_a_company_is_not_where_its_events_are(tmp_path):
    """论坛在X举行: the forum's venue; 公司在X举行签约仪式 says where an event was, not where the company is."""
    text = ("2026江州数字经济论坛在江州国际会议中心举行。"
            "星河数联科技有限公司在江州软件园举行新品发布会。")
    located = {(s, o) for s, p, o in triples(extract(tmp_path, text)) if p == "locatedIn"}
    assert located == {("江州数字经济论坛", "江州国际会议中心")}


def test_an_agency_named_a_management_centre_and_the_hospital_its_deputy_belongs_to(tmp_path):
    """X管理中心 is a public agency (an organisation), not a platform; 该院副院长Y belongs to the hospital
    named before (该院: the latest name ending in 院)."""
    text = ("在江州市医院管理中心指导下，江州医科大学附属第一医院牵头成立江州心血管临床研究联盟。"
            "联盟秘书处设在该院心内科，由该院副院长马建国担任联盟主席。")
    corpus = extract(tmp_path, text)
    assert corpus.entities["江州市医院管理中心"].type.value == "Organisation"
    assert ("马建国", "affiliatedWith", "江州医科大学附属第一医院") in triples(corpus)


def test_partners_who_build_a_park_or_an_institute_together(tmp_path):
    """A与B签约共建P: partners, and P's operators (a park) or founders (an institute); 签署合作协议
    builds nothing."""
    text = ("昌平区政府与蓝图大学签约共建蓝图大学昌平科技园，首期建设面积10万平方米。"
            "江州市人民政府与青松大学共建江州青松智能研究院。青松科技与星河集团签署合作协议。")
    found = triples(extract(tmp_path, text))
    assert {(s, p, o) for s, p, o in found if p in ("operatedBy", "foundedBy")} == {
        ("蓝图大学昌平科技园", "operatedBy", "昌平区政府"), ("蓝图大学昌平科技园", "operatedBy", "蓝图大学"),
        ("江州青松智能研究院", "foundedBy", "江州市人民政府"), ("江州青松智能研究院", "foundedBy", "青松大学")}
    assert {frozenset((s, o)) for s, p, o in found if p == "partnerOf"} == {
        frozenset(("昌平区政府", "蓝图大学")), frozenset(("江州市人民政府", "青松大学")), frozenset(("青松科技", "星河集团"))}


def test_a_policy_pointed_back_to(tmp_path):
    """该措施由X制定: the measures named in the sentence before were issued by X."""
    text = ("根据《江州市优化创业服务促进人才发展若干措施》，对符合条件的创业团队给予最高100万元资助。"
            "该措施由江州高新区管委会制定。")
    assert ("江州市优化创业服务促进人才发展若干措施", "issuedBy", "江州高新区管委会") in triples(extract(tmp_path, text))


def test_investors_fund_a_company(tmp_path):
    """A financing round's lead and other investors, 投资了 and 获得…的投资; a fund's own
    investments without a named company, or a company investing money, fund no one."""
    text = ("星河芯片有限公司近日宣布完成8亿元B轮融资。本轮融资由江州产业投资基金领投，蓝图投资有限公司、"
            "江州高新投资有限公司跟投。去年，青松科技股份有限公司投资了江州微纳传感有限公司。"
            "江州光电有限公司获得江州产业投资基金和蓝图投资有限公司的战略投资。"
            "江州产业投资基金已投资硬科技企业42家。星河芯片有限公司计划投资10亿元建设新工厂。")
    funded = {(s, o) for s, p, o in triples(extract(tmp_path, text)) if p == "fundedBy"}
    assert funded == {("星河芯片有限公司", "江州产业投资基金"), ("星河芯片有限公司", "蓝图投资有限公司"),
                      ("星河芯片有限公司", "江州高新投资有限公司"), ("江州微纳传感有限公司", "青松科技股份有限公司"),
                      ("江州光电有限公司", "江州产业投资基金"), ("江州光电有限公司", "蓝图投资有限公司")}


def test_members_counted_by_kind(tmp_path):
    text = ("2023年，星河集团牵头组建“长城智能装备创新联合体”。该创新联合体由星河集团联合9家上下游企业、"
            "5家高校院所等15家单位共同组建。江城新材料产业联盟今天成立。该联盟由6家企业和3所高校共同发起成立。"
            "滨江量子产业联盟的成员包括12家企业和4家科研院所。")
    corpus = extract(tmp_path, text)
    assert _groups(corpus) == {("长城智能装备创新联合体", 9, "上下游企业"), ("长城智能装备创新联合体", 5, "高校院所"),
                               ("江城新材料产业联盟", 6, "企业"), ("江城新材料产业联盟", 3, "高校"),
                               ("滨江量子产业联盟", 12, "企业"), ("滨江量子产业联盟", 4, "科研院所")}
    # 15 is the total after 等; 由6家企业和3所高校 states none (6 is one group of it)
    counts = {(a.subject, a.value) for a in corpus.attributes if a.property == "memberCount"}
    assert counts == {("长城智能装备创新联合体", 15)}


def test_no_groups_without_a_counted_kind(tmp_path):
    text = "由星河大学牵头，联合江城大学、青松研究院等6家单位共同组建的云杉量子创新联合体日前揭牌。"
    assert _groups(extract(tmp_path, text)) == set()


def test_quoted_consortium_after_its_founders(tmp_path):
    # jieba's HMM reads 由长 as one word here: the leader's name must not start with 由
    text = ("11月18日，由长飞光纤光缆股份有限公司牵头，联合江城大学、青松研究院等15家单位共同组建的"
            "“光通信创新联合体”在江城揭牌成立。")
    corpus = extract(tmp_path, text)
    consortium = "光通信创新联合体"
    assert {(s, p) for s, p, o in triples(corpus) if o == consortium} == {
        ("长飞光纤光缆股份有限公司", "leads"), ("长飞光纤光缆股份有限公司", "memberOf"),
        ("江城大学", "memberOf"), ("青松研究院", "memberOf")}
    assert [(a.subject, a.value) for a in corpus.attributes if a.property == "memberCount"] == [(consortium, 15)]


def test_a_consortium_named_after_its_founders_has_their_count(tmp_path):
    text = ("由星河大学、江州市发展和改革委员会和青松研究院等6家单位共同发起成立的云杉量子产业联盟"
            "日前揭牌。")
    corpus = extract(tmp_path, text)
    alliance = "云杉量子产业联盟"
    members = {s for s, p, o in triples(corpus) if p == "memberOf" and o == alliance}
    # split at the 和 that follows a whole name, not at the one inside 发展和改革委员会
    assert members == {"星河大学", "江州市发展和改革委员会", "青松研究院"}
    assert not [r for r in corpus.relations if r.predicate == "leads"]
    counts = [(a.subject, a.value) for a in corpus.attributes if a.property == "memberCount"]
    assert counts == [(alliance, 6)]


def test_co_founders_are_members_not_leaders(tmp_path):
    text = ("江城大学与蓝图集团联合成立的云杉光电子创新联盟已吸引40家成员单位加入。"
            "星河研究院和青松集团共同组建了滨江量子计算创新联合体。")
    corpus = extract(tmp_path, text)
    found = triples(corpus)
    for member, whole in (("江城大学", "云杉光电子创新联盟"), ("蓝图集团", "云杉光电子创新联盟"),
                          ("星河研究院", "滨江量子计算创新联合体"), ("青松集团", "滨江量子计算创新联合体")):
        assert (member, "memberOf", whole) in found
    assert not [r for r in corpus.relations if r.predicate == "leads"]
    assert [(a.subject, a.value) for a in corpus.attributes if a.property == "memberCount"] == [("云杉光电子创新联盟", 40)]


def test_member_counts_in_other_phrasings_and_no_count_from_a_lower_bound(tmp_path):
    text = ("滨江量子计算创新联盟现有成员单位126家。云杉光电子创新联盟成员总数已达到48家。"
            "江城生物医药产业联盟已汇聚成员单位80余家。")
    counts = {(a.subject, a.value) for a in extract(tmp_path, text).attributes if a.property == "memberCount"}
    assert counts == {("滨江量子计算创新联盟", 126), ("云杉光电子创新联盟", 48)}


def test_units_of_an_organisation(tmp_path):
    text = ("青松研究院隶属于江城大学。蓝图集团旗下的云帆科技有限公司今年营收增长。"
            "江州星火科技有限公司是蓝图集团旗下的人工智能公司。")
    found = {(s, o) for s, p, o in triples(extract(tmp_path, text)) if p == "subOrganizationOf"}
    assert found == {("青松研究院", "江城大学"), ("云帆科技有限公司", "蓝图集团"), ("江州星火科技有限公司", "蓝图集团")}


def test_tenants_of_a_park_both_ways(tmp_path):
    text = ("星湖园区——云杉科学城。目前已入驻蓝鲸数科、飞羽医疗等80余家企业。"
            "此外，青松科技等20家企业已入驻星湖科技园。")
    found = triples(extract(tmp_path, text))
    assert ("蓝鲸数科", "locatedIn", "云杉科学城") in found
    assert ("飞羽医疗", "locatedIn", "云杉科学城") in found
    assert ("青松科技", "locatedIn", "星湖科技园") in found


def test_parts_of_a_whole(tmp_path):
    text = "包括滨江科学城、临港科学城、西湖科技园在内的“两城一园”，贡献了全市一半的产值。"
    found = triples(extract(tmp_path, text))
    for part in ("滨江科学城", "临港科学城", "西湖科技园"):
        assert (part, "partOf", "两城一园") in found


def test_a_whole_that_lists_its_parks(tmp_path):
    text = ("江州国家自主创新示范区包括滨江园、临港园、西湖园等9个分园。江州示范区协同发展取得新进展。"
            "江州高新区包括星河集团、蓝图大学等单位。")
    corpus = extract(tmp_path, text)
    parts = {(s, o) for s, p, o in triples(corpus) if p == "partOf"}
    assert parts == {(park, "江州国家自主创新示范区") for park in ("滨江园", "临港园", "西湖园")}
    # jieba's dictionary calls 新进展 an organisation
    assert "新进展" not in corpus.entities


def test_tenants_of_a_host_named_before_them_settle_there(tmp_path):
    text = "目前，江州高新区已集聚人工智能企业1200余家，云帆智能、星河科技等龙头企业均落户于此。"
    found = {(s, o) for s, p, o in triples(extract(tmp_path, text)) if p == "locatedIn"}
    assert found == {("云帆智能", "江州高新区"), ("星河科技", "江州高新区")}


def test_a_city_official_belongs_to_the_city_government_the_article_names(tmp_path):
    text = ("该研究院由江州大学和江州市人民政府共同组建。江州市副市长罗鹏表示，将加大支持力度。"
            "临港区副区长周文出席。")
    corpus = extract(tmp_path, text)
    assert {(m.person, m.organisation) for m in corpus.memberships} == {
        ("罗鹏", "江州市人民政府"), ("周文", None)}  # no 临港区政府 in the article


def test_policy_issuer_and_date(tmp_path):
    text = "2023年4月12日，天津市科委印发《关于支持新型研发机构发展的若干措施》。"
    corpus = extract(tmp_path, text)
    assert ("关于支持新型研发机构发展的若干措施", "issuedBy", "天津市科委") in triples(corpus)
    dates = [(a.subject, a.value, a.precision) for a in corpus.attributes if a.property == "issuedOn"]
    assert dates == [("关于支持新型研发机构发展的若干措施", date(2023, 4, 12), "day")]


def test_issuer_across_a_sequence_adverb_of_titles_joined_by_he(tmp_path):
    text = ("江城高新区管委会先后出台《关于支持光电子信息产业高质量发展的若干措施》和《江城科学城建设方案》。"
            "星河市科委相继印发《星河市数据要素行动计划》、《星河市算力券管理办法》。")
    issued = {(s, o) for s, p, o in triples(extract(tmp_path, text)) if p == "issuedBy"}
    assert issued == {("关于支持光电子信息产业高质量发展的若干措施", "江城高新区管委会"),
                      ("江城科学城建设方案", "江城高新区管委会"),
                      ("星河市数据要素行动计划", "星河市科委"), ("星河市算力券管理办法", "星河市科委")}


def test_the_first_of_several_ministries_issues(tmp_path):
    # jieba's HMM reads 部等 as one word: the ministry's name must still end at 部
    text = ("2024年1月18日，工业和信息化部等七部门联合印发《关于推动未来产业创新发展的实施意见》。"
            "科技部等6部门近日印发《关于加快场景创新的指导意见》。")
    issued = {(s, o) for s, p, o in triples(extract(tmp_path, text)) if p == "issuedBy"}
    assert issued == {("关于推动未来产业创新发展的实施意见", "工业和信息化部"), ("关于加快场景创新的指导意见", "科技部")}


def test_a_notice_issues_its_policy_on_the_day_it_is_signed(tmp_path):
    """The notice's number on its own line below the title is its policy's; a policy repealed in the
    next sentence (《B》（文号）同时废止) is replaced by the one the paragraph is about; 各镇人民政府 is
    no organisation's name."""
    text = ("江州市科学技术局、江州市财政局关于印发《江州市科技创新券管理办法》的通知\n\n江科发〔2024〕6号\n\n"
            "各区科技主管部门，各镇人民政府：\n\n"
            "现将《江州市科技创新券管理办法》印发给你们，请遵照执行。本办法自2024年5月1日起施行。"
            "《江州市科技创新券暂行办法》（江科发〔2020〕2号）同时废止。\n\n"
            "江州市科学技术局\n江州市财政局\n二〇二四年三月十五日\n")
    corpus = extract(tmp_path, text)
    policy = "江州市科技创新券管理办法"
    assert {o for s, p, o in triples(corpus) if p == "issuedBy"} == {"江州市科学技术局", "江州市财政局"}
    dates = [(a.subject, a.value, a.evidence.text) for a in corpus.attributes if a.property == "issuedOn"]
    # the day it takes effect is not the day it was issued
    assert dates == [(policy, date(2024, 3, 15), "二〇二四年三月十五日")]
    assert {(a.subject, a.value, a.evidence.text) for a in corpus.attributes if a.property == "documentNumber"} == {
        (policy, "江科发〔2024〕6号", "江科发〔2024〕6号"), ("江州市科技创新券暂行办法", "江科发〔2020〕2号",
                                                   "《江州市科技创新券暂行办法》（江科发〔2020〕2号）同时废止。")}
    assert {(s, o) for s, p, o in triples(corpus) if p == "replaces"} == {(policy, "江州市科技创新券暂行办法")}
    assert "人民政府" not in corpus.entities


def test_issuer_named_in_the_title(tmp_path):
    corpus = extract(tmp_path, "2015年6月，《国务院关于大力推进大众创业万众创新若干政策措施的意见》正式公布。")
    title = "国务院关于大力推进大众创业万众创新若干政策措施的意见"
    assert (title, "issuedBy", "国务院") in triples(corpus)
    assert [(a.value, a.precision) for a in corpus.attributes if a.property == "issuedOn"] == [(date(2015, 6, 1), "month")]


def test_benefits_partners_predecessors(tmp_path):
    text = ("受益于滨江先行先试政策，星河集团今年营收增长三成。"
            "蓝图大学与华北电力集团、青松研究院签署战略合作协议。"
            "滨江高新技术产业开发区的前身是滨江科技园。")
    found = triples(extract(tmp_path, text))
    assert ("星河集团", "benefitsFrom", "滨江先行先试政策") in found
    assert ("华北电力集团", "partnerOf", "蓝图大学") in found or ("蓝图大学", "partnerOf", "华北电力集团") in found
    assert ("滨江科技园", "predecessorOf", "滨江高新技术产业开发区") in found


def test_no_relation_without_a_trigger(tmp_path):
    text = "星河集团和蓝图大学都在滨江科学城。天津市科委关注《关于支持新型研发机构发展的若干措施》。"
    found = triples(extract(tmp_path, text))
    assert not any(p in ("leads", "memberOf", "issuedBy", "partnerOf") for _, p, _ in found)


def test_quoted_speaker_speaks_for_their_organisation(tmp_path):
    text = ("星河智能研究院院长周明远表示：“新措施降低了企业研发成本。下一步，我们将与青石大学共建联合实验室。”"
            "另据介绍，园区今年新增企业30家。")
    found = triples(extract(tmp_path, text))
    assert ("星河智能研究院", "partnerOf", "青石大学") in found or ("青石大学", "partnerOf", "星河智能研究院") in found


def test_a_person_holds_titles_in_several_organisations(tmp_path):
    """A 、-series of organisation and title before the name (a department such as 自动化系 kept in
    the title), and a new office after it (当选为, 升任, 受聘为): each is a role of the one person."""
    text = ("江州科学院院士、蓝图大学教授林海峰当选为江州理工大学校长。江州大学副校长王立群升任青松大学校长。"
            "江州市委常委、江州高新区党工委书记陈刚出席活动。江州工程院院士、青松大学自动化系教授周文出席。")
    roles = {(m.person, m.organisation, m.title) for m in extract(tmp_path, text).memberships}
    assert roles == {("林海峰", "江州科学院", "院士"), ("林海峰", "蓝图大学", "教授"), ("林海峰", "江州理工大学", "校长"),
                     ("王立群", "江州大学", "副校长"), ("王立群", "青松大学", "校长"),
                     ("陈刚", "江州市委", "常委"), ("陈刚", "江州高新区党工委", "书记"),
                     ("周文", "江州工程院", "院士"), ("周文", "青松大学", "自动化系教授")}


def test_party_and_government_titles_of_one_person(tmp_path):
    """江州市委副书记、市长X: 副书记 of the committee, 市长 of the city's government the article
    names; with no government named, 副市长 belongs to no organisation, still not to the committee."""
    text = ("江州市委副书记、市长陈刚出席活动。江州市政府将全力支持。青州市委常委、副市长林立调研蓝图集团。"
            "蓝图集团党委书记、董事长王强陪同。")
    roles = {(m.person, m.organisation, m.title) for m in extract(tmp_path, text).memberships}
    assert roles == {("陈刚", "江州市委", "副书记"), ("陈刚", "江州市政府", "市长"),
                     ("林立", "青州市委", "常委"), ("林立", None, "副市长"), ("王强", "蓝图集团", "党委书记、董事长")}


def test_when_an_organisation_or_platform_was_founded(tmp_path):
    """成立于 a month, 于 a year 正式成立, 2018年，P揭牌成立 and 成立于 a day; a company that founded
    something else in a year (于2020年成立了研究院) was not founded then."""
    text = ("北京星辰智算科技有限公司成立于2021年3月，专注于芯片研发。江州人工智能研究院于2019年正式成立。"
            "2018年，江州量子产业联盟揭牌成立。江州大学成立于1952年10月1日。蓝图集团于2020年成立了研究院。")
    dates = {(a.subject, a.value.isoformat(), a.precision) for a in extract(tmp_path, text).attributes
             if a.property == "foundingDate"}
    assert dates == {("北京星辰智算科技有限公司", "2021-03-01", "month"), ("江州人工智能研究院", "2019-01-01", "year"),
                     ("江州量子产业联盟", "2018-01-01", "year"), ("江州大学", "1952-10-01", "day")}


def test_a_fund_set_up_by_offices_and_managed_by_another_fund(tmp_path):
    """A、B联合C设立规模为…的F，由G负责管理: A, B and C found F, G operates it; 经国务院批准成立的X
    has no founder named before its verb, and 芮 is a surname."""
    text = ("江州市科委、江州高新区管委会联合江州市财政局设立规模为100亿元的江州市人工智能产业投资基金，"
            "由江州市科技创新基金负责管理。经国务院批准成立的青州高新区管委会今天揭牌。"
            "蓝图集团首席技术官芮勇表示，基金将投向早期项目。")
    corpus = extract(tmp_path, text)
    fund = "江州市人工智能产业投资基金"
    assert {(s, p, o) for s, p, o in triples(corpus) if p in ("foundedBy", "operatedBy")} == {
        (fund, "foundedBy", "江州市科委"), (fund, "foundedBy", "江州高新区管委会"), (fund, "foundedBy", "江州市财政局"),
        (fund, "operatedBy", "江州市科技创新基金")}
    assert {(m.person, m.organisation, m.title) for m in corpus.memberships} == {("芮勇", "蓝图集团", "首席技术官")}


def test_located_by_坐落于_地处_and_a_headquarters_moved(tmp_path):
    """X坐落于P, X地处P, X将总部迁至P: X is in P, and the verb ends no name (江州智能研究院坐落于江州科学城
    is no science city)."""
    text = ("江州智能研究院坐落于江州科学城核心区。青松科技有限公司地处江州高新区。"
            "星河集团将总部迁至江州经济技术开发区。")
    corpus = extract(tmp_path, text)
    assert {(s, o) for s, p, o in triples(corpus) if p == "locatedIn"} == {
        ("江州智能研究院", "江州科学城"), ("青松科技有限公司", "江州高新区"), ("星河集团", "江州经济技术开发区")}
    assert "江州智能研究院坐落于江州科学城" not in corpus.entities


def test_a_leader_joined_by_universities_sets_up_a_centre(tmp_path):
    """A联合B、C等高校院所发起设立P: A leads P and B, C are members; A联合B共同组建X研究院: both
    found the institute."""
    text = ("江州发展集团联合蓝图大学、青松大学等高校院所发起设立江州前沿技术创新中心，首期投入资金10亿元。"
            "江州市人民政府联合星河大学共同组建江州量子研究院。")
    found = {(s, p, o) for s, p, o in triples(extract(tmp_path, text)) if p in ("leads", "memberOf", "foundedBy")}
    centre = "江州前沿技术创新中心"
    assert found == {("江州发展集团", "leads", centre), ("江州发展集团", "memberOf", centre),
                     ("蓝图大学", "memberOf", centre), ("青松大学", "memberOf", centre),
                     ("江州量子研究院", "foundedBy", "江州市人民政府"), ("江州量子研究院", "foundedBy", "星河大学")}


def test_a_company_listed_on_an_exchange(tmp_path):
    """X是…企业，2020年在E科创板上市 (the sentence's company), X于…在E创业板上市, X登陆E: X is listed
    on E; a roadshow held at E lists nothing, and 毕业于 ends the CEO's name."""
    text = ("江州寒光科技股份有限公司是江州培育的人工智能芯片独角兽企业，2020年在上海证券交易所科创板上市。"
            "公司创始人、首席执行官陈天石毕业于江州大学。青州星河科技有限公司于2023年8月在深圳证券交易所创业板上市。"
            "蓝图集团登陆上海证券交易所。青松科技有限公司在上海证券交易所举办路演。")
    corpus = extract(tmp_path, text)
    assert {(s, o) for s, p, o in triples(corpus) if p == "listedOn"} == {
        ("江州寒光科技股份有限公司", "上海证券交易所"), ("青州星河科技有限公司", "深圳证券交易所"), ("蓝图集团", "上海证券交易所")}
    assert {(m.person, m.organisation, m.title) for m in corpus.memberships} == {
        ("陈天石", "江州寒光科技股份有限公司", "创始人、首席执行官")}


def test_an_exchange_by_its_short_name(tmp_path):
    """港交所, 上交所, 纳斯达克 are exchanges (not a 研究所), so a listing there is found; 上交所 after
    上海证券交易所 is that exchange again; “走进北交所” is an activity at 北交所, not an organisation."""
    text = ("江州云帆智能科技有限公司在港交所主板挂牌上市。青州启辰生物医药股份有限公司已在上海证券交易所科创板上市，"
            "上交所有关负责人出席了仪式。蓝海数据集团于2019年在纳斯达克上市。园区举办“走进北交所”专题辅导活动。")
    corpus = extract(tmp_path, text)
    assert {(s, o) for s, p, o in triples(corpus) if p == "listedOn"} == {
        ("江州云帆智能科技有限公司", "港交所"), ("青州启辰生物医药股份有限公司", "上海证券交易所"), ("蓝海数据集团", "纳斯达克")}
    assert {e.label: e.subtype for e in corpus.entities.values() if e.subtype == "StockExchange"} == {
        "港交所": "StockExchange", "上海证券交易所": "StockExchange", "纳斯达克": "StockExchange", "北交所": "StockExchange"}
    assert "走进北交所" not in corpus.entities
    assert "上交所" in entity_named(corpus, "上海证券交易所").aliases


def test_a_subsidiary_named_after_what_it_is_and_its_daily_operator(tmp_path):
    """B旗下全资子公司A: A is a unit of B and its name starts after 子公司; A承担该联合体日常运营 and
    A负责联合体日常管理: A runs the consortium; B's name with one company tail left on (星图医疗 for 星图医疗科技股份有限公司) is B."""
    text = ("由星图医疗科技股份有限公司牵头组建的江州影像创新联合体近日成立。"
            "星图医疗旗下全资子公司江州星图智能技术有限公司将承担该联合体日常运营。"
            "星图医疗董事长王明远表示，联合体将开展联合攻关。江州数联科技有限公司负责联合体日常管理，"
            "江州云图科技有限公司负责联合体数据平台日常维护。")
    corpus = extract(tmp_path, text)
    found = triples(corpus)
    assert ("江州星图智能技术有限公司", "subOrganizationOf", "星图医疗科技股份有限公司") in found
    # 该联合体 and a bare 联合体 are the consortium; what runs its data platform does not run it
    assert {o for s, p, o in found if s == "江州影像创新联合体" and p == "operatedBy"} == {
        "江州星图智能技术有限公司", "江州数联科技有限公司"}
    assert ("王明远", "affiliatedWith", "星图医疗科技股份有限公司") in found
    assert "全资子公司江州星图智能技术有限公司" not in corpus.entities
    assert not [label for label in corpus.entities if label.startswith("联合体")]  # 联合体数据平台: no name
    assert "星图医疗" in corpus.entities["星图医疗科技股份有限公司"].names


def test_a_policy_in_effect_from_the_day_it_is_issued(tmp_path):
    """印发《P》（文号，以下简称《办法》），自印发之日起施行: P's short name is declared past its document
    number, and P holds from its issue date; the old policy named after it does not."""
    text = ("2025年3月8日，江州市科学技术局印发《江州市科技企业孵化器认定管理办法》（江科发〔2025〕7号，"
            "以下简称《办法》），自印发之日起施行，原《江州市孵化器管理暂行办法》同时废止。《办法》共五章。")
    corpus = extract(tmp_path, text)
    policy = "江州市科技企业孵化器认定管理办法"
    assert "办法" in corpus.entities[policy].names and "办法" not in corpus.entities
    assert {(a.subject, a.property, str(a.value)) for a in corpus.attributes} >= {
        (policy, "issuedOn", "2025-03-08"), (policy, "effectiveFrom", "2025-03-08")}
    assert not [a for a in corpus.attributes if a.subject == "江州市孵化器管理暂行办法"]


def test_a_policy_replaces_the_one_it_repeals_and_has_its_document_number(tmp_path):
    """《A》（文号）…，原《B》同时废止 and 《C》取代原《D》: A replaces B, C replaces D; document numbers
    are read as printed; a repealed policy with no successor in its paragraph replaces nothing."""
    text = ("江州市人民政府印发《江州市促进科技成果转化条例实施办法》（江政发〔2024〕3号），自2024年5月1日起施行，"
            "原《江州市科技成果转化暂行规定》同时废止。新修订的《青州市人才引进办法》取代原《青州市引才暂行办法》。"
            "《江州市孵化器管理规定》已于去年废止。\n江州市财政局印发《江州市科技金融办法》（江财发（2025）9号）。")
    corpus = extract(tmp_path, text)
    assert {(s, o) for s, p, o in triples(corpus) if p == "replaces"} == {
        ("江州市促进科技成果转化条例实施办法", "江州市科技成果转化暂行规定"), ("青州市人才引进办法", "青州市引才暂行办法")}
    # as printed, full-width brackets included
    assert {(a.subject, str(a.value)) for a in corpus.attributes if a.property == "documentNumber"} == {
        ("江州市促进科技成果转化条例实施办法", "江政发〔2024〕3号"), ("江州市科技金融办法", "江财发（2025）9号")}


def test_investors_no_rule_names_and_what_an_agreement_builds(tmp_path):
    """由A领投，B、C跟投: B and C open the clause of 跟投, so they are investors even without a company
    suffix (青岚中国, 远帆投资, 启航创投); 老股东继续跟投 names no one.  A与B签署合作协议，共建P: both build P."""
    text = ("星河科技有限公司宣布完成B轮融资，本轮融资由启航创投领投，青岚中国、远帆投资跟投，老股东继续跟投。"
            "此前，星河科技已与蓝图物流集团签署战略合作协议，共建智能物流联合实验室。")
    corpus = extract(tmp_path, text)
    found = triples(corpus)
    assert {o for s, p, o in found if p == "fundedBy"} == {"启航创投", "青岚中国", "远帆投资"}
    assert {o for s, p, o in found if s == "智能物流联合实验室" and p == "operatedBy"} == {"星河科技有限公司", "蓝图物流集团"}
    assert not [label for label in corpus.entities if "股东" in label]


def test_a_biography_and_an_institute_built_by_several(tmp_path):
    """X，男，1975年出生，博士，现任A所长、B特聘研究员: both of X's roles; 江州脑科学与类脑研究所 is one
    name; P成立于2019年，由A与B、C等单位共同建设: they found P (not partners of A); X团队 is no organisation."""
    text = ("周立新，男，1975年出生，博士，现任江州脑科学与类脑研究所所长、青松生命科学研究所特聘研究员。"
            "周立新团队与江州人民医院合作开展临床研究。"
            "江州脑科学与类脑研究所成立于2019年5月，由江州市人民政府与蓝图大学、青松大学等单位共同建设。")
    corpus = extract(tmp_path, text)
    institute = "江州脑科学与类脑研究所"
    assert {(m.person, m.organisation, m.title) for m in corpus.memberships} == {
        ("周立新", institute, "所长"), ("周立新", "青松生命科学研究所", "特聘研究员")}
    found = triples(corpus)
    assert {o for s, p, o in found if s == institute and p == "foundedBy"} == {"江州市人民政府", "蓝图大学", "青松大学"}
    assert not [t for t in found if t[1] == "partnerOf"]
    assert not [label for label in corpus.entities if label.endswith("团队") or label == "类脑研究所"]


def test_an_alliance_its_founders_and_the_seats_they_hold(tmp_path):
    """联盟由A、星必选科技股份有限公司等N家…共同发起 (a bare 联盟 opening the sentence is the alliance; a verb
    inside a listed company's name keeps the name whole); A当选为理事长单位 (A leads it), B、C当选为副理事长
    单位 (members); no person called 单位; X创新中心总经理Y: the X创新中心有限公司 of the article; 设在 ends a
    name on its left."""
    text = ("12月3日，江州具身智能产业联盟在江州高新区成立。联盟由江州人形机器人创新中心有限公司、星必选科技股份有限公司等"
            "20家企业和高校共同发起，江州人形机器人创新中心有限公司当选为理事长单位，青松大学、蓝图机器人有限公司当选为"
            "副理事长单位。江州人形机器人创新中心总经理林海当选联盟首届理事长。联盟秘书处设在江州高新区机器人产业园。")
    corpus = extract(tmp_path, text)
    alliance, chair = "江州具身智能产业联盟", "江州人形机器人创新中心有限公司"
    found = triples(corpus)
    assert {s for s, p, o in found if p == "memberOf" and o == alliance} == {
        chair, "星必选科技股份有限公司", "青松大学", "蓝图机器人有限公司"}
    assert {s for s, p, o in found if p == "leads" and o == alliance} == {chair}
    assert {(m.person, m.organisation, m.title) for m in corpus.memberships} == {("林海", chair, "总经理")}
    assert "江州人形机器人创新中心" in corpus.entities[chair].names
    assert not [label for label in corpus.entities if label in ("单位", "科技股份有限公司") or "设在" in label]


def test_a_seat_taken_over_from_another_and_a_vice_chair(tmp_path):
    """A接替B担任理事长单位: A leads the alliance, B (named nearer the seat) does not; 联盟副理事长、
    C公司首席科学家X is a vice chair (not the chair) and C's chief scientist."""
    text = ("江州生物医药产业联盟第二届会员大会日前召开。江州百康泰生物科技股份有限公司接替江州瑞宁医药有限公司"
            "担任理事长单位。联盟副理事长、江州量衡科技有限公司首席科学家沈栖梧表示，联盟将扩大规模。")
    corpus = extract(tmp_path, text)
    alliance = "江州生物医药产业联盟"
    assert {s for s, p, o in triples(corpus) if p == "leads" and o == alliance} == {"江州百康泰生物科技股份有限公司"}
    assert not [t for t in triples(corpus) if t[0] == "江州瑞宁医药有限公司"]
    assert {(m.person, m.organisation, m.title) for m in corpus.memberships} == {
        ("沈栖梧", None, "副理事长"), ("沈栖梧", "江州量衡科技有限公司", "首席科学家")}


def test_an_institute_a_group_set_up_in_a_zone(tmp_path):
    """A在Z设立的P: A founded P, and P is in the zone Z; 在 a place that is no platform locates nothing."""
    text = ("蓝图集团在江州高新区设立的蓝图人工智能研究院于2023年揭牌。"
            "星河科技有限公司在青州设立的星河量子研究院已投入使用。")
    found = triples(extract(tmp_path, text))
    assert {(s, p, o) for s, p, o in found if p in ("foundedBy", "locatedIn")} == {
        ("蓝图人工智能研究院", "foundedBy", "蓝图集团"), ("蓝图人工智能研究院", "locatedIn", "江州高新区"),
        ("星河量子研究院", "foundedBy", "星河科技有限公司")}


def test_a_zone_made_of_parks_and_a_city_run_by_its_committee(tmp_path):
    """W由A、B等N个分园组成: the parks are parts of W; P位于X，由C负责规划建设和运营管理: C runs P, though 管理
    inside C's own name (管理委员会) is no verb."""
    text = ("江州国家自主创新示范区由滨江园、青山园等8个分园组成。"
            "江州未来科学城位于青山区，由江州未来科学城管理委员会负责规划建设和运营管理。")
    found = triples(extract(tmp_path, text))
    assert {(s, p, o) for s, p, o in found if p in ("partOf", "operatedBy")} == {
        ("滨江园", "partOf", "江州国家自主创新示范区"), ("青山园", "partOf", "江州国家自主创新示范区"),
        ("江州未来科学城", "operatedBy", "江州未来科学城管理委员会")}


def test_a_leaders_visit_to_the_institutes_of_a_science_city(tmp_path):
    """江州市委书记X到Y调研: X is a person (a name before 到); 先后来到A、B: 来到 is no part of A's name, and
    its short name said later (智谷研究院) is A."""
    text = ("11月20日，江州市委书记周立到江州科学城调研。周立先后来到江州智谷人工智能研究院、江州星河智能科技有限公司，"
            "了解大模型研发情况。智谷研究院院长林海介绍了最新成果。")
    corpus = extract(tmp_path, text)
    assert {(m.person, m.organisation, m.title) for m in corpus.memberships} == {
        ("周立", "江州市委", "书记"), ("林海", "江州智谷人工智能研究院", "院长")}
    assert not [label for label in corpus.entities if label.startswith("来到")]


def test_every_company_of_a_list_benefits_from_the_policy_it_enjoyed(tmp_path):
    """A、B等42家企业享受了《P》的研发费用补贴: A and B benefit from P (享受了 before the title)."""
    text = ("截至目前，已有江州燧光智能科技有限公司、江州星河动力航天科技股份有限公司等42家企业享受了"
            "《江州高新区支持高精尖产业发展若干措施》的研发费用补贴。")
    found = triples(extract(tmp_path, text))
    assert {s for s, p, o in found if p == "benefitsFrom" and o == "江州高新区支持高精尖产业发展若干措施"} == {
        "江州燧光智能科技有限公司", "江州星河动力航天科技股份有限公司"}


def test_offices_that_issue_a_policy_after_由_and_the_number_after_the_verb(tmp_path):
    corpus = extract(tmp_path, "问：《江州区支持生物医药产业创新发展的若干措施》适用于哪些主体？"
                               "答：该措施由江州区发展和改革委员会、江州区科学技术委员会联合印发（江发改〔2024〕31号），"
                               "适用于注册在江州区的企业。")
    policy = "江州区支持生物医药产业创新发展的若干措施"
    assert {(policy, "issuedBy", "江州区发展和改革委员会"), (policy, "issuedBy", "江州区科学技术委员会")} <= triples(corpus)
    assert [(a.subject, a.value) for a in corpus.attributes if a.property == "documentNumber"] == \
        [(policy, "江发改〔2024〕31号")]


def test_a_predecessor_belongs_to_the_last_name_of_its_kind(tmp_path):
    # the park between the company and 前身为 is no successor of a company
    corpus = extract(tmp_path, "江州澜芯微电子股份有限公司成立于2015年，总部位于江南集成电路设计园，"
                               "前身为江州澜芯科技有限公司。")
    assert ("江州澜芯科技有限公司", "predecessorOf", "江州澜芯微电子股份有限公司") in triples(corpus)
    assert not [r for r in corpus.relations if r.object == "江南集成电路设计园" and r.predicate == "predecessorOf"]


def test_a_bureau_head_and_a_chairman_elected_as(tmp_path):
    # jieba: 信息化|局局长 and 林晟为 (before 理事长)
    corpus = extract(tmp_path, "江州市经济和信息化局局长王刚出席会议。"
                               "大会选举江州擎宇机器人科技有限公司董事长林晟为理事长。")
    memberships = {(m.person, m.organisation, m.title) for m in corpus.memberships}
    assert ("王刚", "江州市经济和信息化局", "局长") in memberships
    assert ("林晟", "江州擎宇机器人科技有限公司", "董事长") in memberships
    assert "林晟为" not in corpus.entities


def test_a_bare_company_noun_is_the_reporting_company_not_its_subsidiary(tmp_path):
    corpus = extract(tmp_path, "2024年，江州澄岭智能科技股份有限公司实现营业收入38.6亿元。"
                               "报告期内，公司通过控股子公司江州澄岭芯算科技有限公司开展算力芯片业务。"
                               "公司董事长兼总经理邵鸿渐表示，公司将持续加大基础研究投入。")
    parent, unit = "江州澄岭智能科技股份有限公司", "江州澄岭芯算科技有限公司"
    assert (unit, "subOrganizationOf", parent) in triples(corpus)
    assert {(m.organisation, m.title) for m in corpus.memberships if m.person == "邵鸿渐"} == {(parent, "董事长兼总经理")}


def test_a_company_that_becomes_a_unit_and_one_renamed_to_its_current_name(tmp_path):
    # a unit only once the deal is done: 拟收购…，交易完成后…将成为… is not yet
    corpus = extract(tmp_path, "江州恒澜半导体股份有限公司拟收购苏州晶泰微电子有限公司72%股权，"
                               "交易完成后苏州晶泰微电子有限公司将成为江州恒澜半导体股份有限公司的控股子公司。"
                               "江州恒澜半导体股份有限公司收购青州晶泰微电子有限公司的交易已于上月完成，"
                               "青州晶泰微电子有限公司正式成为江州恒澜半导体股份有限公司的控股子公司。"
                               "此前，江州恒澜半导体股份有限公司已于2023年8月由“江州恒澜微电子科技有限公司”更名为现名。")
    found = triples(corpus)
    assert ("青州晶泰微电子有限公司", "subOrganizationOf", "江州恒澜半导体股份有限公司") in found
    assert ("苏州晶泰微电子有限公司", "subOrganizationOf", "江州恒澜半导体股份有限公司") not in found
    assert ("江州恒澜微电子科技有限公司", "predecessorOf", "江州恒澜半导体股份有限公司") in found
    assert ("江州恒澜半导体股份有限公司", "subOrganizationOf", "苏州晶泰微电子有限公司") not in found


def test_a_mother_fund_its_capital_givers_and_a_sub_fund_set_up_by_a_firm(tmp_path):
    corpus = extract(tmp_path, "规模为50亿元的江州硬科技母基金在江南区正式设立。该母基金由江州市政府投资引导基金、"
                               "江南区国有资本运营有限公司和江州华岳创业投资管理有限公司共同出资。母基金首批将合作设立子基金，"
                               "其中江州澹远资本管理有限公司发起的澹远先进制造子基金规模为15亿元。")
    found = triples(corpus)
    mother = "江州硬科技母基金"
    for giver in ("江州市政府投资引导基金", "江南区国有资本运营有限公司", "江州华岳创业投资管理有限公司"):
        assert (mother, "foundedBy", giver) in found
    assert ("澹远先进制造子基金", "foundedBy", "江州澹远资本管理有限公司") in found
    assert ("江州澹远资本管理有限公司", "memberOf", "澹远先进制造子基金") not in found
    assert not {"母基金", "该母基金", "江州市政府"} & set(corpus.entities)


def test_a_clause_that_denies_or_only_plans_its_verb_states_no_fact(tmp_path):
    corpus = extract(tmp_path, "江州砚池光电科技有限公司原计划于今年入驻江南集成电路设计园，但该公司最终未入驻。"
                               "江州汐岚生物技术有限公司拟于明年在上海证券交易所科创板上市。"
                               "江州麓谷创业投资有限公司曾计划与江南区人民政府联合设立江南量子科技产业基金。"
                               "江州星桥数据科技有限公司日前入驻江南软件园，未来将在深圳证券交易所上市。")
    assert triples(corpus) == {("江州星桥数据科技有限公司", "locatedIn", "江南软件园"),
                               ("江州星桥数据科技有限公司", "listedOn", "深圳证券交易所")}


def test_respectively_pairs_the_two_lists(tmp_path):
    corpus = extract(tmp_path, "江州岫云科技有限公司、江州澹台智能装备有限公司分别与江州理工大学、江南航空航天大学签署合作协议。"
                               "江州星桥数据科技有限公司、江州洺川光电科技有限公司分别与江南大学签署合作协议。")
    assert {frozenset((r.subject, r.object)) for r in corpus.relations if r.predicate == "partnerOf"} == {
        frozenset(pair) for pair in [("江州岫云科技有限公司", "江州理工大学"), ("江州澹台智能装备有限公司", "江南航空航天大学"),
                                     ("江州星桥数据科技有限公司", "江南大学"), ("江州洺川光电科技有限公司", "江南大学")]}


def test_two_companies_of_one_brand_that_sign_with_each_other_stay_two(tmp_path):
    corpus = extract(tmp_path, "江州汀兰控股有限公司与江州汀兰科技有限公司签署合作协议。")
    assert ("江州汀兰控股有限公司", "partnerOf", "江州汀兰科技有限公司") in triples(corpus)


def test_a_person_who_has_left_the_office_named_before_them_holds_it_no_more(tmp_path):
    corpus = extract(tmp_path, "江州汀兰生物技术有限公司董事长张明远已于上月离职。江州洺川光电科技有限公司总经理王立新表示满意。")
    assert {(m.person, m.organisation, m.title) for m in corpus.memberships} == {
        ("王立新", "江州洺川光电科技有限公司", "总经理")}


def test_a_draft_to_take_effect_and_a_director_of_a_renamed_office_state_nothing_present(tmp_path):
    # 拟自…起施行 is a plan for a draft; 原A主任X held a post in the office under its former name
    corpus = extract(tmp_path, "江州市科学技术局起草了《江州市科技企业孵化器管理办法（征求意见稿）》，"
                               "拟自2026年1月1日起施行，有效期5年。原江州市科委主任许强出席会议。")
    assert not [a for a in corpus.attributes if a.property in ("effectiveFrom", "effectiveUntil")]
    assert not corpus.memberships
    assert "原江州市科委" not in corpus.entities


def test_two_lead_investors_joined_by_和_and_a_rename_after_adverbs(tmp_path):
    corpus = extract(tmp_path, "江州碳衡科技有限公司完成近亿元Pre-A轮融资，本轮由绿洲资本和青松创投联合领投。"
                               "江州算力方舟科技有限公司近日正式更名为方舟智算科技股份有限公司。江州市科委将研究制定相关实施细则。")
    found = triples(corpus)
    assert {("江州碳衡科技有限公司", "fundedBy", "绿洲资本"), ("江州碳衡科技有限公司", "fundedBy", "青松创投"),
            ("江州算力方舟科技有限公司", "predecessorOf", "方舟智算科技股份有限公司")} <= found
    assert "实施细则" not in corpus.entities


def test_a_past_marker_ends_a_state_but_not_an_event(tmp_path):
    # 曾入驻P: no longer in P; 曾印发《Q》, 曾更名为: done once and for good
    corpus = extract(tmp_path, "江州驰远智行科技有限公司曾入驻江南软件园，后迁往青州。江州市科委曾于2019年印发《江州市概念验证平台管理办法》。"
                               "江州算力方舟科技有限公司曾更名为方舟智算科技股份有限公司。")
    found = triples(corpus)
    assert ("江州驰远智行科技有限公司", "locatedIn", "江南软件园") not in found
    assert {("江州市概念验证平台管理办法", "issuedBy", "江州市科委"),
            ("江州算力方舟科技有限公司", "predecessorOf", "方舟智算科技股份有限公司")} <= found


def test_a_stay_ended_by_a_later_move_and_talks_plans_and_expired_deals_state_nothing(tmp_path):
    """X2019年入驻P，2022年已迁往Q: X is in Q, no longer in P (but A入驻P，B迁往Q keeps A in P); 正在洽谈入驻,
    将于明年登陆 and a contract that 已于去年到期，双方未再续签 state no tenant, listing or partnership."""
    text = ("毕业企业江州知行机器人科技有限公司2019年入驻清源智汇孵化器，2022年已迁往江州软件园。"
            "江州星河科技有限公司入驻江州软件园，江州青松科技有限公司迁往江州顺义园。"
            "另有江州云帆数据科技有限公司正在洽谈入驻江州顺义园。"
            "有媒体报道称，江州轨智科技有限公司将于明年登陆上海证券交易所科创板。"
            "此前，京华理工大学与江州华储能源科技有限公司签署的专利许可合同已于去年到期，双方未再续签。")
    found = triples(extract(tmp_path, text))
    assert {(s, o) for s, p, o in found if p == "locatedIn"} == {
        ("江州知行机器人科技有限公司", "江州软件园"), ("江州星河科技有限公司", "江州软件园"),
        ("江州青松科技有限公司", "江州顺义园")}
    assert not [t for t in found if t[1] in ("listedOn", "partnerOf")]


def test_a_post_taken_on_after_the_name_and_one_held_before(tmp_path):
    """副总经理X升任总经理 holds 总经理 now; 由副总经理陈默接任董事会秘书 is 陈默 (接 opens the verb), 董事会秘书;
    局长X此前担任A副主任: 局长 now, A's 副主任 no longer."""
    text = ("江州星河科技有限公司副总经理王建国升任总经理。董事会同意由副总经理陈默接任董事会秘书职务。"
            "区科信局局长赵明远此前担任中关村丰台园管委会副主任。")
    corpus = extract(tmp_path, text)
    assert {(m.person, m.organisation, m.title) for m in corpus.memberships} == {
        ("王建国", "江州星河科技有限公司", "总经理"), ("陈默", None, "董事会秘书"), ("赵明远", "区科信局", "局长")}


def test_seats_by_election_a_roll_of_first_members_and_a_count_of_member_units(tmp_path):
    """选举A为理事长单位，B、C为副理事长单位: A leads, all three are members; 公布首批成员名单，A、B等23家单位入选:
    the listed are members; 现有会员单位152家 is a member count."""
    text = ("江州智能网联汽车产业创新联盟成立大会日前召开。大会选举江州云驰智行科技有限公司为理事长单位，"
            "江州星衡传感技术有限公司、江州京翼地图信息有限公司为副理事长单位。"
            "江州量子信息产业联盟近日公布首批成员名单，江州量衡科技有限公司、江州量子精测研究院等23家单位入选。"
            "江州生物医药产业联盟现有会员单位152家，较上年增加17家。")
    corpus = extract(tmp_path, text)
    found = triples(corpus)
    cars, quantum = "江州智能网联汽车产业创新联盟", "江州量子信息产业联盟"
    assert {s for s, p, o in found if p == "leads"} == {"江州云驰智行科技有限公司"}
    assert {(s, o) for s, p, o in found if p == "memberOf"} == {
        ("江州云驰智行科技有限公司", cars), ("江州星衡传感技术有限公司", cars), ("江州京翼地图信息有限公司", cars),
        ("江州量衡科技有限公司", quantum), ("江州量子精测研究院", quantum)}
    assert [(a.subject, a.value) for a in corpus.attributes if a.property == "memberCount"] == [
        ("江州生物医药产业联盟", 152)]


def test_a_leader_joined_by_a_counted_list_founds_a_consortium(tmp_path):
    """A联合B、C等9家单位共同组建P: A leads P and B, C are its members (the count between the list and the verb
    no longer hides A)."""
    text = "年内，江州瑞翎生物医药有限公司联合燕北大学、京南医科大学等9家单位共同组建江州细胞与基因治疗创新联合体。"
    found = triples(extract(tmp_path, text))
    target = "江州细胞与基因治疗创新联合体"
    assert {(s, p) for s, p, o in found if o == target} == {
        ("江州瑞翎生物医药有限公司", "leads"), ("江州瑞翎生物医药有限公司", "memberOf"),
        ("燕北大学", "memberOf"), ("京南医科大学", "memberOf")}


def test_a_post_not_yet_taken_and_titles_of_banks_hospitals_and_ministries(tmp_path):
    """X将出任A总经理, 拟任A总经理X: no post yet; 支行行长, 主任医师, 部长助理 are posts."""
    text = ("王大明将出任江州甲乙科技有限公司总经理。拟任江州丙丁科技有限公司总经理李小明出席。"
            "江州农商银行中关村支行行长周文涛表示。江州协仁医院肿瘤内科主任医师徐静介绍。科学技术部部长助理郑锡文致辞。")
    assert {(m.person, m.organisation, m.title) for m in extract(tmp_path, text).memberships} == {
        ("周文涛", "江州农商银行中关村支行", "行长"), ("徐静", "江州协仁医院", "肿瘤内科主任医师"),
        ("郑锡文", "科学技术部", "部长助理")}


def test_dates_written_as_numbers_alone(tmp_path):
    """2024.1.20, 2024-05-08, 2023/11/5: issue, effect and founding days as the 年月日 forms give them."""
    text = ("江州市科委2024.1.20印发《江州科技企业孵化器管理办法》。该办法自2024.3.1起施行。"
            "江州星河科技有限公司成立于2019-05-08。江州市科技局于2023/11/5印发《江州市技术转移办法》。")
    corpus = extract(tmp_path, text)
    assert {(a.subject, a.property, str(a.value)) for a in corpus.attributes} == {
        ("江州科技企业孵化器管理办法", "issuedOn", "2024-01-20"), ("江州科技企业孵化器管理办法", "effectiveFrom", "2024-03-01"),
        ("江州星河科技有限公司", "foundingDate", "2019-05-08"), ("江州市技术转移办法", "issuedOn", "2023-11-05")}


def test_a_condition_a_rumour_or_a_wish_before_the_verb_states_nothing(tmp_path):
    """如果…，X将入驻P; 据市场传闻，X将入驻P; 希望X入驻P; 若条件成熟，X将牵头组建P: none is a fact (若干 is no 若)."""
    text = ("如果审批通过，江州星河科技有限公司将入驻江州朝阳园。据市场传闻，江州蓝图科技有限公司将入驻江州朝阳园。"
            "钱博文表示，希望江州青松科技有限公司入驻江州朝阳园。若条件成熟，江州甲乙科技有限公司将牵头组建江州机器人产业联盟。"
            "海淀区出台了若干措施，江州丙丁科技有限公司入驻江州软件园。")
    assert {(s, p, o) for s, p, o in triples(extract(tmp_path, text))} == {
        ("江州丙丁科技有限公司", "locatedIn", "江州软件园")}


def test_a_short_names_declaration_between_a_name_and_its_verb(tmp_path):
    """X（以下简称“Y”）成立于…, …与Z签署合作协议, …印发《P》: the declaration hides neither the date, the partner
    nor the issuer."""
    text = ("江州知识产权运营中心（以下简称\"运营中心\"）成立于2019年11月。"
            "江州东升创业投资有限公司（以下简称“东升创投”）与江州锐思科技有限公司签署合作协议。"
            "江州市科学技术委员会（以下简称“市科委”）印发《江州科技企业孵化器管理办法》。")
    corpus = extract(tmp_path, text)
    assert {(s, p, o) for s, p, o in triples(corpus)} == {
        ("江州东升创业投资有限公司", "partnerOf", "江州锐思科技有限公司"),
        ("江州科技企业孵化器管理办法", "issuedBy", "江州市科学技术委员会")}
    assert [(a.subject, a.property, str(a.value), a.precision) for a in corpus.attributes] == [
        ("江州知识产权运营中心", "foundingDate", "2019-11-01", "month")]


def test_an_investment_deal_with_a_fund_and_a_letter_of_intent(tmp_path):
    """A与B基金签署投资协议: B funds A (no partnership); A与C签署投资意向书: nothing agreed yet."""
    text = ("江州星罗卫星科技有限公司与江州航天产业基金签署15亿元投资协议。"
            "江州星罗卫星科技有限公司与江州蓝图科技有限公司签署投资意向书，但双方尚未达成最终协议。")
    assert triples(extract(tmp_path, text)) == {("江州星罗卫星科技有限公司", "fundedBy", "江州航天产业基金")}


def test_a_denied_partnership_a_unit_located_elsewhere_a_caption_and_a_former_post_unnamed(tmp_path):
    """A与B并非合作伙伴关系 denies it; X总部位于P，研发中心位于Q puts X in P only; 图为X董事长Y: X, not 图为X;
    前百度副总裁Y: no present post; a college named with 与 inside (材料科学与工程学院) still partners."""
    text = ("江州甲乙科技有限公司与江州丙丁科技有限公司并非合作伙伴关系。"
            "江州乙丙科技有限公司总部位于江州软件园，研发中心位于江州科学城。"
            "图为江州甲乙科技有限公司董事长李红在发布会上讲话。江州知行道科技有限公司今日宣布，前百度副总裁吴晟正式加盟。"
            "江州工业大学材料科学与工程学院与江州中材晶芯科技有限公司签署合作协议。")
    corpus = extract(tmp_path, text)
    assert {(s, p, o) for s, p, o in triples(corpus) if p in ("partnerOf", "locatedIn")} == {
        ("江州乙丙科技有限公司", "locatedIn", "江州软件园"),
        ("江州中材晶芯科技有限公司", "partnerOf", "江州工业大学材料科学与工程学院")}
    assert {(m.person, m.organisation, m.title) for m in corpus.memberships} == {
        ("李红", "江州甲乙科技有限公司", "董事长")}


def test_policies_repealed_together_a_list_published_under_a_policy_and_counts_of_a_part(tmp_path):
    """《A》和《B》同时废止 after 《N》 takes effect: N replaces both, A not B; 公布了《P》首批支持企业名单 issues no
    P; 成员单位增至156家 is the count, 共有9家成员单位完成上市 a part of them."""
    text = ("《江州支持企业研发投入办法》自2025年3月1日起施行。《江州支持企业研发投入暂行办法》（江管发〔2021〕7号）和"
            "《江州研发投入奖励实施细则》（江管发〔2022〕3号）同时废止。"
            "2024年12月，江州区科学技术局公布了《江州独角兽企业培育支持办法》首批支持企业名单。"
            "江州人工智能产业联盟成员单位增至156家，全年共有9家成员单位完成上市。")
    corpus = extract(tmp_path, text)
    assert {(s, p, o) for s, p, o in triples(corpus)} == {
        ("江州支持企业研发投入办法", "replaces", "江州支持企业研发投入暂行办法"),
        ("江州支持企业研发投入办法", "replaces", "江州研发投入奖励实施细则")}
    assert [(a.subject, a.value) for a in corpus.attributes if a.property == "memberCount"] == [
        ("江州人工智能产业联盟", 156)]
    assert not [a for a in corpus.attributes if a.property == "issuedOn"]


def test_a_post_held_at_the_time(tmp_path):
    """时任A总经理X, 时任公司总经理X, 时任局长X: posts held then, none now."""
    text = ("时任江州岚图芯片设计有限公司总经理许明远出席。时任公司总经理许明远曾主导建设中试平台。时任局长韩启明出席会议。")
    assert extract(tmp_path, text).memberships == []


def test_an_operator_named_beside_the_builders(tmp_path):
    """A与B共建的P，由C负责运营: only C runs P; P由A开发建设，现由其全资子公司C负责日常运营: C, not A;
    P由A投资建设 with no operator named: A (the builder) still; …，日常运营则委托给C: C."""
    text = ("江州区人民政府与江州大学共建的江州概念验证中心，由江州澄源科技服务有限公司负责运营。"
            "江州东升科技园由江州东升博展投资管理有限公司开发建设，现由其全资子公司江州东升园区运营服务有限公司负责日常运营。"
            "江州未来产业园由江州城投集团有限公司投资建设。"
            "江州翠湖科技园由江州翠湖投资开发有限公司负责开发建设，日常运营则委托给江州翠源物业服务有限公司。")
    assert {(s, o) for s, p, o in triples(extract(tmp_path, text)) if p == "operatedBy"} == {
        ("江州概念验证中心", "江州澄源科技服务有限公司"), ("江州东升科技园", "江州东升园区运营服务有限公司"),
        ("江州未来产业园", "江州城投集团有限公司"), ("江州翠湖科技园", "江州翠源物业服务有限公司")}


def test_a_joint_venture_set_up_in_a_zone_is_there_not_its_parent(tmp_path):
    """A与B在X成立合资公司C: C is in X (B was only named before 在); P在X揭牌成立: P is."""
    text = ("江州朗辰医疗器械股份有限公司宣布与德国海因医疗集团在江州经济技术开发区成立合资公司江州朗海精密仪器有限公司。"
            "江州人工智能创新中心日前在江州高新区揭牌成立。")
    assert {(s, o) for s, p, o in triples(extract(tmp_path, text)) if p == "locatedIn"} == {
        ("江州朗海精密仪器有限公司", "江州经济技术开发区"), ("江州人工智能创新中心", "江州高新区")}


def test_a_predecessor_of_the_subject_not_of_its_incubator(tmp_path):
    """X此前由Y孵化，其前身为A: A is X's earlier self, not Y's (an agent after 由 is no successor)."""
    text = "江州博锐生物制药有限公司此前由江州协和生物技术研究所孵化，其前身为江州博锐生化药业有限公司。"
    assert {(s, o) for s, p, o in triples(extract(tmp_path, text)) if p == "predecessorOf"} == {
        ("江州博锐生化药业有限公司", "江州博锐生物制药有限公司")}


def test_tenants_excluded_open_questions_partners_after_adverbs_and_a_park_run_by_a_company(tmp_path):
    """其中不含X: X is no tenant; X是否入驻P尚未确定: no fact; A近日与B、C签署…, A于3月5日与B签署…: partners;
    P由X运营 (jieba: 甲乙|园由|北京): X runs P; 园区龙头企业X: X, not the words before it."""
    text = ("江州甲乙园已有50家企业入驻，其中不含江州甲乙科技有限公司。江州丁戊科技有限公司是否入驻江州软件园尚未确定。"
            "江州甲乙园由江州丙丁物业服务有限公司运营。园区龙头企业江州星衡导航科技股份有限公司入驻江州软件园。"
            "江州精光研究所近日与江州曜石激光技术有限公司签署三方协议。江州星河科技有限公司于3月5日与江州蓝图科技有限公司签署合作协议。")
    assert {(s, p, o) for s, p, o in triples(extract(tmp_path, text))} == {
        ("江州甲乙园", "operatedBy", "江州丙丁物业服务有限公司"),
        ("江州星衡导航科技股份有限公司", "locatedIn", "江州软件园"),
        ("江州曜石激光技术有限公司", "partnerOf", "江州精光研究所"),
        ("江州星河科技有限公司", "partnerOf", "江州蓝图科技有限公司")}


def test_a_founders_employer_is_no_founder(tmp_path):
    """X由A心内科主任刘沁与B共同发起设立: B founded X; A is where 刘沁 works (her post there is read)."""
    text = "江州脉衡医疗科技有限公司由江州医科大学附属第三医院心内科主任刘沁与江州远衡创业投资有限公司共同发起设立。"
    corpus = extract(tmp_path, text)
    assert {(s, o) for s, p, o in triples(corpus) if p == "foundedBy"} == {
        ("江州脉衡医疗科技有限公司", "江州远衡创业投资有限公司")}
    assert {(m.person, m.organisation, m.title) for m in corpus.memberships} == {
        ("刘沁", "江州医科大学附属第三医院", "心内科主任")}


def test_a_subjectless_clause_of_a_timeline_moves_the_company(tmp_path):
    """X…。2015年，公司在P成立；2017年迁入Q: X is in Q too (the clause goes on about X); 2017年迁入Q的企业…
    describes others."""
    text = ("江州极曜数据科技有限公司是一家大数据企业。2015年，公司在江州创业大街成立；2017年迁入江州软件园。\n"
            "江州星河科技有限公司成立于2015年。2017年迁入江州科学城的企业超过百家。")
    assert {(s, o) for s, p, o in triples(extract(tmp_path, text)) if p == "locatedIn"} == {
        ("江州极曜数据科技有限公司", "江州创业大街"), ("江州极曜数据科技有限公司", "江州软件园")}


def test_appointments_named_with_为(tmp_path):
    """任命孟知秋为A院长 (jieba: 孟知秋为 one word): A's 院长; A公司聘任王晓东为首席技术官: A's 首席技术官."""
    text = "任命孟知秋为江州澄微智能研究院院长。江州星河科技有限公司聘任王晓东为首席技术官。"
    assert {(m.person, m.organisation, m.title) for m in extract(tmp_path, text).memberships} == {
        ("孟知秋", "江州澄微智能研究院", "院长"), ("王晓东", "江州星河科技有限公司", "首席技术官")}


def test_a_company_that_got_a_round_an_investor_led(tmp_path):
    """X已获得A领投的5000万元A轮融资: A funds X, and A keeps its whole name (jieba: 获得|启明|泰和|创投)."""
    text = "江州齿悦医疗科技有限公司已获得启明泰和创投领投的5000万元A轮融资。"
    assert triples(extract(tmp_path, text)) == {("江州齿悦医疗科技有限公司", "fundedBy", "启明泰和创投")}


def test_a_founding_year_before_a_place_and_a_centre_set_up_elsewhere(tmp_path):
    """2018年，X在P成立: X founded in 2018, in P; 2019年，Y在Q成立了研发中心: neither Y's founding nor Y in Q."""
    text = "2018年，江州星河科技有限公司在江州创业大街成立。2019年，江州蓝图科技有限公司在江州软件园成立了研发中心。"
    corpus = extract(tmp_path, text)
    assert triples(corpus) == {("江州星河科技有限公司", "locatedIn", "江州创业大街")}
    assert [(a.subject, a.property, str(a.value), a.precision) for a in corpus.attributes] == [
        ("江州星河科技有限公司", "foundingDate", "2018-01-01", "year")]


def test_a_rename_with_a_year_between_the_names(tmp_path):
    """X2019年更名为Y: X is Y's earlier self, as in X于2020年3月正式更名为Y; so is the company a bare 公司 is
    (X是…企业。2019年，公司更名为Z)."""
    text = ("江州极曜数据科技有限公司2019年更名为江州极曜智能科技股份有限公司。\n"
            "江州星河数据科技有限公司是一家大数据企业。2019年，公司更名为江州星河智能科技股份有限公司。")
    assert triples(extract(tmp_path, text)) == {
        ("江州极曜数据科技有限公司", "predecessorOf", "江州极曜智能科技股份有限公司"),
        ("江州星河数据科技有限公司", "predecessorOf", "江州星河智能科技股份有限公司")}


def test_a_career_a_post_held_once_then_the_present_one(tmp_path):
    """X曾任A研发总监，现任B首席执行官: B's 首席执行官 now, A's 研发总监 no longer."""
    text = "孙浩然曾任江州甲乙科技有限公司研发总监，现任江州丙丁科技有限公司首席执行官。"
    assert {(m.person, m.organisation, m.title) for m in extract(tmp_path, text).memberships} == {
        ("孙浩然", "江州丙丁科技有限公司", "首席执行官")}


def test_a_three_party_agreement_and_two_agreements_signed_separately(tmp_path):
    """A与B、C签署三方协议: each pair is partners; A与B、C分别签署合作协议: B and C are not."""
    text = ("江州精光研究所近日与江州曜石激光技术有限公司、江州蓝峰光电股份有限公司签署三方协议。"
            "江州星河科技有限公司与江州蓝图科技有限公司、江州青松科技有限公司分别签署合作协议。")
    pairs = {frozenset((s, o)) for s, p, o in triples(extract(tmp_path, text)) if p == "partnerOf"}
    assert frozenset(("江州曜石激光技术有限公司", "江州蓝峰光电股份有限公司")) in pairs
    assert frozenset(("江州蓝图科技有限公司", "江州青松科技有限公司")) not in pairs and len(pairs) == 5


def test_a_clause_about_unnamed_companies_says_nothing_of_the_speakers_organisation(tmp_path):
    """李建国说，已有50多家企业入驻P; 我们的客户大多入驻了P; 每家入驻P的企业…; 符合条件的企业可以享受《P》:
    the speaker's organisation, which opens the sentence, is not the clause's subject; a clause with none
    of its own still is about it (X成立于2015年，2019年入驻P，先后享受了《P》)."""
    text = ("江州科技园区管理委员会主任李建国说，目前已有50多家企业入驻江州软件园。\n"
            "江州大学校长龚明说，已有30多家校友企业落户江州软件园。\n"
            "江州星河量子科技有限公司董事长陈远说，我们的客户大多入驻了江州未来科学城。\n"
            "江州星河量子科技有限公司董事长陈远说，每家入驻江州软件园的企业都能享受房租减免。\n"
            "江州市科委副主任孙卫东说，符合条件的企业可以享受《江州量子产业发展支持办法》。\n"
            "江州科技园区管理委员会主任李建国介绍，已有200家企业享受了《江州量子产业发展支持办法》。\n"
            "江州云帆数据技术有限公司成立于2015年，2019年入驻江州软件园，先后享受了《江州量子产业发展支持办法》。")
    assert {t for t in triples(extract(tmp_path, text)) if t[1] != "affiliatedWith"} == {
        ("江州云帆数据技术有限公司", "locatedIn", "江州软件园"),
        ("江州云帆数据技术有限公司", "benefitsFrom", "江州量子产业发展支持办法")}


def test_guesses_questions_and_unconfirmed_reports_state_nothing(tmp_path):
    """预计/可能/想/争取 before the verb, 合作的可能性不大 and 只停留在口头 after it, a question, and a report
    neither side confirms: no tenant, no partner; 理想 holds 想 and hedges nothing."""
    text = ("江州星河量子科技有限公司董事长陈远说，公司预计年底前入驻江州软件园。\n"
            "江州星河量子科技有限公司董事长陈远说，公司可能会入驻江州未来科学城。\n"
            "江州星河量子科技有限公司董事长陈远说，公司想入驻江州软件园。\n"
            "江州星河量子科技有限公司董事长陈远说：“我们与江州大学合作的可能性不大。”\n"
            "据媒体报道，江州星河量子科技有限公司已与江州华为技术有限公司签署战略合作协议，但双方均未证实。\n"
            "江州星河量子科技有限公司董事长陈远说，公司与江州华为技术有限公司的合作只停留在口头层面。\n"
            "江州电视台记者王晓峰：陈总，你们为什么选择入驻江州软件园？\n"
            "江州联想科技有限公司于2020年入驻江州软件园，公司的理想是成为行业龙头。")
    assert {t for t in triples(extract(tmp_path, text)) if t[1] != "affiliatedWith"} == {
        ("江州联想科技有限公司", "locatedIn", "江州软件园")}


def test_a_predecessor_under_or_incubated_by_an_organisation_is_not_that_organisation(tmp_path):
    """X的前身为A下属的一个研究所 / 前身是A孵化的一个课题组: A is no predecessor; 前身是成立于2012年的A is."""
    text = ("江州星河量子科技有限公司的前身为江州大学下属的一个研究所。"
            "江州华芯微电子股份有限公司的前身是江州微电子研究院孵化的一个课题组。"
            "江州云帆数据股份有限公司的前身是成立于2012年的江州云帆科技中心。")
    assert triples(extract(tmp_path, text)) == {("江州云帆科技中心", "predecessorOf", "江州云帆数据股份有限公司")}


def test_a_report_that_calls_its_own_company_gong_si_never_means_the_company_named_last(tmp_path):
    """An issuer's report says 公司 for itself: B持有公司32%股份。公司董事长X… gives X no post at B, and
    公司向A提供…。公司与C签订… makes A and C no partners; in a news story 公司 is still the company just
    named (X成立于2021年，…，公司首席执行官Y), also after a heading 公司简介."""
    report = ("江州衡远投资管理有限公司持有公司32.15%股份。公司董事长韩立诚主持召开董事会。\n"
              "公司向江州移动通信有限公司提供算力服务。公司与江州衡远物业管理有限公司签订合作协议。\n"
              "公司拟转让所持江州星衡微电子有限公司股权。公司通过全资子公司江州星衡数据服务有限公司开展数据业务。")
    corpus = extract(tmp_path, report, "report.txt")
    assert not triples(corpus)
    assert {(m.person, m.organisation) for m in corpus.memberships} == {("韩立诚", None)}
    story = ("公司简介\n江州星辰智算科技有限公司成立于2021年，总部位于江州软件园，公司首席执行官王立新表示将加大研发投入。")
    corpus = extract(tmp_path, story, "story.txt")
    assert ("王立新", "affiliatedWith", "江州星辰智算科技有限公司") in triples(corpus)


def test_removed_executives_hold_no_post(tmp_path):
    """被免职, 被解聘, 已被撤职 in a later clause, 任期届满, and 卸任/被解聘的 before the title end the post."""
    text = ("江州蓝鲸智联科技股份有限公司董事长刘振华已被免职。\n"
            "江州蓝鲸智联科技股份有限公司财务总监刘海波已被公司解聘。\n"
            "江州蓝鲸智联科技股份有限公司副董事长张立在任期间违规担保，已被撤职。\n"
            "被解聘的江州蓝鲸智联科技股份有限公司首席技术官黄振宇已加入竞争对手。\n"
            "卸任董事长刘振华出席了会议。\n"
            "江州蓝鲸智联科技股份有限公司独立董事罗文博任期届满。\n"
            "江州蓝鲸智联科技股份有限公司总经理王强出席会议。")
    assert {(m.person, m.organisation, m.title) for m in extract(tmp_path, text).memberships} == {
        ("王强", "江州蓝鲸智联科技股份有限公司", "总经理")}


def test_disputes_settlements_and_contracts_of_sale_or_lease_make_no_partners(tmp_path):
    """合作纠纷一案, 签署和解协议, 合作协议引发专利纠纷 / 被法院判决无效, a partnership 已终结, and a lease or a
    custody agreement: no partners; a strategic agreement still makes them."""
    text = ("江州橙果教育科技有限公司与江州启明教育咨询有限公司合作纠纷一案已审结。\n"
            "江州橙果教育科技有限公司与江州启明教育咨询有限公司签署和解协议。\n"
            "江州橙果教育科技有限公司与江州启明教育咨询有限公司签订的技术合作协议引发专利纠纷。\n"
            "江州橙果教育科技有限公司与江州启明教育咨询有限公司签署的合作协议被法院判决无效。\n"
            "江州数联未来科技有限公司与江州大学的合作已于2023年9月终结。\n"
            "江州星衡智算科技股份有限公司与江州衡远物业管理有限公司签订《房屋租赁合同》。\n"
            "江州星衡智算科技股份有限公司与江州证券股份有限公司签订了《募集资金专户存储三方监管协议》。\n"
            "江州星衡智算科技股份有限公司与江州大学签署战略合作协议。")
    assert triples(extract(tmp_path, text)) == {("江州大学", "partnerOf", "江州星衡智算科技股份有限公司")}


def test_units_sold_planned_or_held_once_and_a_holder_before_a_change_are_no_parents(tmp_path):
    """旗下的A已被出售, 拟设立全资子公司A（暂定名）, 曾通过控股子公司A…, 本次权益变动前…控股股东为B,
    股权转让后A将成为B的控股子公司: none is a unit now; 通过全资子公司A, 旗下的A and 控股股东为B are."""
    text = ("江州锐芯控股集团有限公司旗下的江州锐芯微电子有限公司已于2024年被出售。\n"
            "江州锐芯控股集团有限公司旗下的江州锐芯数据有限公司主要从事数据服务。\n"
            "江州星衡智算科技股份有限公司拟设立全资子公司星衡智算（杭州）科技有限公司（暂定名）。\n"
            "江州星衡智算科技股份有限公司于2022年曾通过控股子公司上海星衡微电子有限公司开展芯片业务。\n"
            "江州星衡智算科技股份有限公司通过全资子公司江州星衡数据服务有限公司开展数据业务。\n"
            "本次权益变动前，江州星衡智算科技股份有限公司的控股股东为江州衡远投资管理有限公司。\n"
            "江州云帆数据股份有限公司的控股股东为江州科创发展集团股份有限公司。\n"
            "股权转让后，上海星衡芯片有限公司将成为浙江凌云创业投资有限公司的控股子公司。")
    assert {(s, o) for s, p, o in triples(extract(tmp_path, text)) if p == "subOrganizationOf"} == {
        ("江州锐芯数据有限公司", "江州锐芯控股集团有限公司"),
        ("江州星衡数据服务有限公司", "江州星衡智算科技股份有限公司"),
        ("江州云帆数据股份有限公司", "江州科创发展集团股份有限公司")}


def test_ended_listings_stays_and_deals_and_events_yet_to_come_state_nothing(tmp_path):
    """上市，…被终止上市; a holder's 限售股…上市流通; 入驻P后…已退租; 由Y领投，但…未能交割; 届时…将签署;
    成立3周年, 成立AI工作组, X在P的研发中心成立: no listing, tenant, funder, partner or founding date."""
    text = ("江州华创科技股份有限公司2019年在深圳证券交易所创业板上市，2024年因财务造假被终止上市。\n"
            "江州衡远投资管理有限公司所持首发限售股于2024年7月22日在上海证券交易所上市流通。\n"
            "江州华辰科技股份有限公司2020年在上海证券交易所科创板上市。\n"
            "江州云帆数据技术有限公司入驻江州软件园后因经营不善，已于2023年退租。\n"
            "江州华创科技股份有限公司的B轮融资由江州创业投资基金领投，但该笔投资最终未能交割。\n"
            "届时，江州灵犀机器人有限公司将与江州云帆视觉技术有限公司签署战略合作协议。\n"
            "江州具身智能产业联盟于2024年6月20日成立3周年。\n"
            "江州量子信息创新联合体于2024年7月1日成立AI工作组。\n"
            "2018年，江州星衡智算科技股份有限公司在江州软件园的研发中心成立。\n"
            "江州量子计算创新联合体于2021年7月1日成立。")
    corpus = extract(tmp_path, text)
    assert triples(corpus) == {("江州华辰科技股份有限公司", "listedOn", "上海证券交易所")}
    assert [(a.subject, str(a.value)) for a in corpus.attributes if a.property == "foundingDate"] == [
        ("江州量子计算创新联合体", "2021-07-01")]


def test_awards_lists_and_recruited_people_make_no_tenants_leaders_partners_or_counts(tmp_path):
    """引进了A大学教授X团队 puts A nowhere; A领衔X联盟年度百强榜单 leads nothing; 上榜企业共有102家 and
    其中联盟成员单位共有37家入选 count no members; A与B携手亮相/入选…, …并无合作: no partners; yet a park
    that 引进了 companies hosts them and 联合体共有成员单位30家 is counted."""
    text = ("江州科学城引进了江州大学教授钱永泽团队。\n"
            "江州科学城引进了江州星河量子科技有限公司、江州云帆数据技术有限公司等企业。\n"
            "江州云极数据科技有限公司领衔江州人工智能产业联盟年度百强榜单。\n"
            "江州人工智能产业联盟发布百强榜单。上榜企业共有102家。其中联盟成员单位共有37家入选。\n"
            "江州量维科技有限公司与江州睿脑医疗科技有限公司携手亮相颁奖典礼，两家公司此前并无合作。\n"
            "江州量维科技有限公司与江州睿脑医疗科技有限公司携手入选独角兽企业榜单。\n"
            "江州星河智算科技有限公司牵头组建江州智算创新联合体，联合体共有成员单位30家。")
    corpus = extract(tmp_path, text)
    assert {t for t in triples(corpus) if t[1] != "affiliatedWith"} == {
        ("江州星河量子科技有限公司", "locatedIn", "江州科学城"), ("江州云帆数据技术有限公司", "locatedIn", "江州科学城"),
        ("江州星河智算科技有限公司", "leads", "江州智算创新联合体"),
        ("江州星河智算科技有限公司", "memberOf", "江州智算创新联合体")}
    assert [(a.subject, a.value) for a in corpus.attributes if a.property == "memberCount"] == [("江州智算创新联合体", 30)]


def test_who_is_selected_for_a_programme(tmp_path):
    """A为入选P的X颁发证书: X benefits, A does not; nor a jury pool's (入选P评审专家库), a nominator's (A推荐X入选P),
    a revoked selection's (…后被撤销入选资格) or a person's employer in brackets (X（A研究员）入选P)."""
    text = ("江州科创发展集团为入选高聚工程的江州星河智算科技有限公司颁发证书。\n"
            "江州理工大学教授黄志刚入选高聚工程评审专家库。\n"
            "江州大学推荐周婉清入选高聚工程。\n"
            "江州蓝箭动力有限公司入选高聚工程公示名单后被撤销入选资格。\n"
            "潘一帆（江州理工大学教授）、周婉清（江州大学研究员）入选高聚工程。\n"
            "江州云帆数据技术有限公司入选高聚工程。")
    assert {(s, o) for s, p, o in triples(extract(tmp_path, text)) if p == "benefitsFrom"} == {
        ("江州星河智算科技有限公司", "高聚工程"), ("江州云帆数据技术有限公司", "高聚工程")}


def test_expelled_members_posts_of_a_closed_period_and_papers_that_are_no_policies(tmp_path):
    """成员单位包括A、B，其中B已被开除: A alone; 2003年至2011年，X担任A高级研究员 and …，离任后不在公司任职: no post
    now; 《行政处罚决定书》 and 《房屋租赁合同》 are kinds of paper, no policies."""
    text = ("江州人工智能产业联盟成员单位包括江州极光算力科技有限公司、江州青禾语义科技有限公司，其中江州青禾语义科技有限公司已被开除。\n"
            "2003年至2011年，韩立诚担任江州联想有限公司研究院高级研究员。\n"
            "江州星衡智算科技股份有限公司副总经理钱志远，任期至2023年6月30日，离任后不在公司任职。\n"
            "韩立诚现任江州星衡智算科技股份有限公司董事长。\n"
            "江州市海淀区市场监督管理局发布《行政处罚决定书》（海市监处罚〔2024〕217号）。\n"
            "江州星衡智算科技股份有限公司与江州衡远物业管理有限公司签订《房屋租赁合同》。")
    corpus = extract(tmp_path, text)
    assert {t for t in triples(corpus) if t[1] == "memberOf"} == {
        ("江州极光算力科技有限公司", "memberOf", "江州人工智能产业联盟")}
    assert {(m.person, m.organisation, m.title) for m in corpus.memberships} == {
        ("韩立诚", "江州星衡智算科技股份有限公司", "董事长")}
    assert not [e for e in corpus.entities.values() if e.type.value == "Policy"]


def test_a_changed_operator_replaces_the_one_named_before_and_a_buildings_manager_runs_no_park(tmp_path):
    """P的运营主体已由A变更为C and P由A负责运营。…该平台的运营单位变更为C: C runs P, A no more; 办公楼位于P，由A统一管理:
    A manages the building, not P."""
    text = ("江州智能网联汽车协同创新平台的运营主体已由江州驭道智行科技有限公司变更为江州科创发展集团。\n"
            "江州机器人协同创新平台由江州灵犀机器人有限公司负责运营。2024年起，该平台的运营单位变更为江州科创发展集团。\n"
            "公司租赁的办公楼位于江州软件园，由江州衡远物业管理有限公司统一管理。")
    assert {t for t in triples(extract(tmp_path, text)) if t[1] == "operatedBy"} == {
        ("江州智能网联汽车协同创新平台", "operatedBy", "江州科创发展集团"),
        ("江州机器人协同创新平台", "operatedBy", "江州科创发展集团")}


def test_units_before_a_deal_pending_or_undone_and_portfolio_companies_are_no_units(tmp_path):
    """此前/收购前/2020年以前 …, 拟收购…将成为, 尚待…审查, …此后被C整体收购, …2024年被整体出售给C, 旗下基金投资的企业,
    A与B合资成立子公司C: no parent; A所属的B: B is A's group; 宣布完成对X的收购，交易完成后X成为Y的全资子公司: Y's."""
    text = ("此前，江州睿驰传感技术有限公司的控股股东为江州启明创业投资有限公司。\n"
            "收购前，江州恒星光电科技有限公司的控股股东为江州启航投资管理有限公司。\n"
            "江州远望集团有限公司拟收购江州恒星光电科技有限公司，江州恒星光电科技有限公司将成为江州远望集团有限公司的全资子公司。\n"
            "江州恒星光电科技有限公司将成为江州远望集团有限公司的全资子公司，该交易尚待反垄断审查。\n"
            "2020年以前，江州恒星光电科技有限公司是江州远望集团有限公司的全资子公司，此后被江州华瑞资本有限公司整体收购。\n"
            "江州恒星光电科技有限公司是江州远望集团有限公司旗下企业，2024年被整体出售给江州国信投资有限公司。\n"
            "江州恒星光电科技有限公司是江州华瑞资本有限公司旗下基金投资的企业。\n"
            "江州远望集团有限公司与江州华瑞资本有限公司合资成立子公司江州远瑞科技有限公司。\n"
            "江州蓝海光电有限公司所属的江州蓝海控股集团有限公司近日完成重组。\n"
            "江州华芯微电子有限公司宣布完成对江州睿驰传感技术有限公司的收购，交易完成后江州睿驰传感技术有限公司成为江州华芯微电子有限公司的全资子公司。")
    assert {(s, o) for s, p, o in triples(extract(tmp_path, text)) if p == "subOrganizationOf"} == {
        ("江州蓝海光电有限公司", "江州蓝海控股集团有限公司"), ("江州睿驰传感技术有限公司", "江州华芯微电子有限公司")}


def test_deal_counterparties_and_a_funds_limited_partner(tmp_path):
    """A与B签署并购协议/对赌协议: no partners; A与基金F签署投资协议，A作为有限合伙人向该基金出资: F is not A's funder;
    X同时担任/现兼任 B's post: X holds it (no person 时担 or 王芳现)."""
    text = ("江州远望集团有限公司与江州恒星光电科技有限公司签署并购协议。\n"
            "江州远望集团有限公司与江州前沿产业投资基金签署投资协议，远望集团作为有限合伙人向该基金出资3亿元。\n"
            "江州金石云计算有限公司总经理孙浩同时担任江州金石科技集团股份有限公司副总裁。\n"
            "江州华瑞资本有限公司总经理王芳现兼任江州前沿产业投资基金投资决策委员会主任。")
    corpus = extract(tmp_path, text)
    assert not {t for t in triples(corpus) if t[1] in ("partnerOf", "fundedBy")}
    assert {(m.person, m.organisation) for m in corpus.memberships} == {
        ("孙浩", "江州金石云计算有限公司"), ("孙浩", "江州金石科技集团股份有限公司"), ("王芳", "江州华瑞资本有限公司"),
        ("王芳", "江州前沿产业投资基金投资决策委员会")}


def test_signings_in_pairs_settling_through_a_signing_and_a_founder_among_many(tmp_path):
    """A与B、C与D分别签署…: A with B and C with D only; A与B签约落户P: A is in P, not B; A的研发中心落户P and
    A投资建设的X项目落户P put A nowhere; 由A等30家单位共同发起成立: A is one founder, no leader; A董事长X与B签署…:
    X is a person of A, no partner."""
    text = ("现场，江州市海淀区人民政府与江州云帆智能科技有限公司、江州市昌平区人民政府与江州蓝谷生物医药有限公司分别签署投资协议。\n"
            "江州星河科技有限公司与江州市顺义区人民政府签约落户江州软件园。\n"
            "苏州锐视医疗科技有限公司的研发中心落户江州昌平园。\n"
            "江州光驰新能源科技有限公司投资建设的氢能储运装备项目落户江州顺义园。\n"
            "江州具身智能产业联盟由江州大学等30家单位共同发起成立。\n"
            "江州云帆智能科技有限公司董事长郑凯与江州市海淀区人民政府签署协议。")
    corpus = extract(tmp_path, text)
    assert {t for t in triples(corpus) if t[1] != "affiliatedWith"} == {
        ("江州云帆智能科技有限公司", "partnerOf", "江州市海淀区人民政府"),
        ("江州市昌平区人民政府", "partnerOf", "江州蓝谷生物医药有限公司"),
        ("江州星河科技有限公司", "locatedIn", "江州软件园"),
        ("江州大学", "memberOf", "江州具身智能产业联盟")}
    assert corpus.entities["郑凯"].type.value == "Person"


def test_mixed_script_backers_co_founders_and_people_are_not_what_the_clause_is_about(tmp_path):
    """由A孵化的Zhipu AI已落户P, A领投的Moonshot AI总部位于P, A投资的Horizon Robotics…上市: A is not located or
    listed; SenseTime商汤科技与A联合发起成立P: A co-founds, no leader; Jensen与A签署…, 由天使投资人Peter领投,
    由雷军个人领投: people, no partners or funders; NVIDIA与A签署…: partners."""
    text = ("由江州大学孵化的Zhipu AI已落户江州软件园。\n"
            "江州阿里集团领投的Moonshot AI总部位于江州海淀园。\n"
            "江州大众汽车集团投资的Horizon Robotics于2024年10月在港交所主板上市。\n"
            "SenseTime商汤科技与江州大学联合发起成立“江州具身智能创新联合体”。\n"
            "Jensen与江州鸿海精密工业股份有限公司签署合作备忘录。\n"
            "江州星澜智能科技有限公司完成B轮融资，由天使投资人Peter领投，江州红杉资本跟投。\n"
            "江州星澜数据科技有限公司完成天使轮融资，由雷军个人领投。\n"
            "NVIDIA与江州大学签署合作协议。")
    assert {t for t in triples(extract(tmp_path, text)) if t[1] != "affiliatedWith"} == {
        ("江州大学", "memberOf", "江州具身智能创新联合体"), ("江州星澜智能科技有限公司", "fundedBy", "江州红杉资本"),
        ("NVIDIA", "partnerOf", "江州大学")}


def test_gai_gong_si_and_gong_si_point_to_the_company_a_paragraph_is_about(tmp_path):
    """X的主要客户是A和B。该公司…上市 is X; X…由A领投。该公司成立于2022年 is X; 小星…与星河智算不同。公司创始人Y is
    小星's; 另一家联合体…。该联合体 and 一只美元基金…。该基金 have no name to point to."""
    text = ("江州康源生物科技股份有限公司的主要客户是江州协和医院和江州恒瑞达医疗器械有限公司。该公司于2020年在深圳证券交易所创业板上市。\n"
            "江州面壁智能科技有限公司去年完成新一轮融资，由江州智谱华章科技有限公司领投。该公司成立于2022年。\n"
            "江州小星机器人有限公司（以下简称“小星”）成立于2019年，江州星河智算科技有限公司（以下简称“星河智算”）成立于2016年。\n"
            "小星选择了轻资产路线，这一点与星河智算不同。公司创始人王雅琴毕业于江州航空航天大学。\n"
            "江州具身智能创新联合体由江州人工智能研究院牵头组建。\n"
            "小米牵头的另一家联合体则专注智能制造。该联合体共有成员单位20家。\n"
            "江州启明创投基金投资了江州深蓝数据技术有限公司。红杉的一只美元基金又领投了江州微光机器人有限公司。该基金还投资了江州微光影像科技有限公司。")
    corpus = extract(tmp_path, text)
    facts = triples(corpus)
    assert ("江州康源生物科技股份有限公司", "listedOn", "深圳证券交易所") in facts
    assert ("江州微光影像科技有限公司", "fundedBy", "江州启明创投基金") not in facts
    assert {(a.subject, str(a.value)) for a in corpus.attributes if a.property == "foundingDate"} == {
        ("江州面壁智能科技有限公司", "2022-01-01"), ("江州小星机器人有限公司", "2019-01-01"),
        ("江州星河智算科技有限公司", "2016-01-01")}
    assert ("王雅琴", "江州小星机器人有限公司") in {(m.person, m.organisation) for m in corpus.memberships}
    assert not [a for a in corpus.attributes if a.property == "memberCount"]


def test_an_alias_two_articles_declare_for_two_companies_joins_neither(tmp_path):
    """星河 declared for one company in one article and for another in the next: two companies, each with its facts."""
    (tmp_path / "d1.txt").write_text("江州星河智算科技有限公司（以下简称“星河”）成立于2016年。星河于2021年在上海证券交易所科创板上市。",
                                     encoding="utf-8")
    (tmp_path / "d2.txt").write_text("江州星河环保科技有限公司（以下简称“星河”）成立于2010年。2023年，星河入驻江州软件园。",
                                     encoding="utf-8")
    from zgc_graph import api
    corpus, _ = api.extract_corpus([tmp_path / "d1.txt", tmp_path / "d2.txt"])
    assert triples(corpus) == {("江州星河智算科技有限公司", "listedOn", "上海证券交易所"),
                               ("江州星河环保科技有限公司", "locatedIn", "江州软件园")}


def test_posts_of_old_days_and_listings_still_to_come(tmp_path):
    """当年的A总经理X, 董事长X已离开公司: no post now; 距离在E上市只有一步之遥, 在A看来，B在E上市是迟早的事: no listing."""
    text = ("当年的江州航星智联科技有限公司总经理周志强，如今是一名顾问。\n"
            "如今，江州小星机器人有限公司董事长王雅琴已离开公司。\n"
            "江州小星机器人有限公司距离在上海证券交易所科创板上市只有一步之遥。\n"
            "在江州星河智算科技有限公司看来，江州小星机器人有限公司在深圳证券交易所上市是迟早的事。\n"
            "江州小星机器人有限公司总经理李明出席会议。")
    corpus = extract(tmp_path, text)
    assert {t for t in triples(corpus) if t[1] != "affiliatedWith"} == set()
    assert {(m.person, m.title) for m in corpus.memberships} == {("李明", "总经理")}


def test_builders_developers_listed_partners_trial_leads_and_owners_of_funds(tmp_path):
    """P由A承建，由B运营: B alone (a builder with no operator named runs P, see above); 建成后，X等企业将入驻P: no tenant;
    在纳斯达克上市公司Y的协助下…: no listing; 与纳斯达克上市公司Y签署: the exchange is no partner; A牵头P的多中心临床试验:
    A leads no P; 与A旗下B基金签署投资协议: B funds, A does not."""
    text = ("江州创新中心由江州城建集团有限责任公司承建，由江州科创发展集团股份有限公司运营。\n"
            "江州西北旺人工智能产业园建成后，江州深蓝计算科技有限公司等企业将入驻园区。\n"
            "江州启晟生物医药科技有限公司的启瑞替尼片在纳斯达克上市公司Veralis的协助下登陆美国市场。\n"
            "江州诺科睿生物制药有限公司与纳斯达克上市公司Veralis签署授权许可协议。\n"
            "江州大学第三医院牵头江州骨科机器人创新联盟的多中心临床试验。\n"
            "江州泰德瑞康生物科技有限公司近日与江州科创发展集团旗下江州协同创新基金签署投资协议。")
    assert {t for t in triples(extract(tmp_path, text)) if t[1] != "subOrganizationOf"} == {
        ("江州创新中心", "operatedBy", "江州科创发展集团股份有限公司"),
        ("江州泰德瑞康生物科技有限公司", "fundedBy", "江州协同创新基金")}


def test_peoples_hukou_homes_and_past_posts_are_no_seats_or_present_posts(tmp_path):
    """A员工X落户P, A研究员X的户口落户P, A员工X入驻P人才公寓, 为A、B等企业的1200名人才办理落户, P汇聚了A、B等企业的
    3000余名员工, P引进了来自A的200名工程师: A is nowhere; X曾先后担任A技术总监、B副总裁: no post now;
    A与B签订委托代理协议: no partners."""
    text = ("江州云图数据科技有限公司员工陈浩落户江州未来科学城。\n"
            "江州智源人工智能研究院研究员王思远的户口落户江州科学城。\n"
            "江州云图数据科技有限公司员工张三入驻江州软件园人才公寓。\n"
            "今年，江州科学城共为江州寒武纪科技有限公司、江州旷视科技有限公司等企业的1200名人才办理落户。\n"
            "江州软件园人才公寓汇聚了江州百度网讯科技有限公司、江州字节跳动科技有限公司等企业的3000余名员工。\n"
            "江州未来科学城引进了来自江州华为技术有限公司的200名工程师。\n"
            "李晓峰曾先后担任江州百度网讯科技有限公司技术总监、江州字节跳动科技有限公司副总裁。\n"
            "江州中远招标有限公司与江州延庆园管理委员会签订委托代理协议。\n"
            "江州星河科技有限公司入驻江州软件园。")
    corpus = extract(tmp_path, text)
    assert {t for t in triples(corpus) if t[1] != "affiliatedWith"} == {("江州星河科技有限公司", "locatedIn", "江州软件园")}
    assert {(m.person, m.title) for m in corpus.memberships} == {("王思远", "研究员")}


def test_rumoured_and_guessed_posts_and_hearsay_state_no_post(tmp_path):
    """网传“X出任A董事长”不实 and 网友猜测：A总经理应该是X吧？ give no post (and no person 应该); 听说A大学…: the
    university is named without 听说; A总经理X出席会议 is a post."""
    text = ("【辟谣】网传“赵立新出任江州云脉智能科技有限公司董事长”不实。\n"
            "网友猜测：江州星穹量子科技有限公司总经理应该是陈晓东吧？\n"
            "听说江州航空航天大学下属的北航科技园很大。\n"
            "江州星穹量子科技有限公司总经理陈晓东出席会议。")
    corpus = extract(tmp_path, text)
    assert {(m.person, m.organisation, m.title) for m in corpus.memberships} == {
        ("陈晓东", "江州星穹量子科技有限公司", "总经理")}
    assert "江州航空航天大学" in corpus.entities and "应该" not in corpus.entities


def test_two_dates_for_two_founders_and_a_years_intake(tmp_path):
    """A与B成立于2019年和2021年: no date for either (which is whose is not said); 本年度吸纳会员企业40家: this year's
    new members, no count; 已吸纳成员单位35家: a count."""
    text = ("江州人工智能产业联盟与江州区块链产业联盟成立于2019年和2021年。\n"
            "江州区块链产业联盟本年度吸纳会员企业40家。\n"
            "江州智能制造创新联合体已吸纳成员单位35家。")
    corpus = extract(tmp_path, text)
    assert not [a for a in corpus.attributes if a.property == "foundingDate"]
    assert [(a.subject, a.value) for a in corpus.attributes if a.property == "memberCount"] == [("江州智能制造创新联合体", 35)]


def test_proposals_and_offices_that_draft_together_state_no_facts(tmp_path):
    """代表建议，支持A与B共建X; 提案建议，由A出资设立X; 建议将A更名为B; 企业应当与A合作: proposals, not facts.
    A会同B印发《P》, A会同B起草答复: two offices issue or draft together, no partnership (but A会同B开展攻关)."""
    text = ("全国人大代表何建平建议，支持青溪华信电子集团与云湖理工学院共建江州集成电路研究院。\n"
            "提案建议，由江州市人民政府出资设立江州科技成果转化基金。\n"
            "委员们建议将青溪师范大学更名为青溪大学。\n"
            "江州星河科技有限公司应当与江州大学开展合作。\n"
            "江州市科学技术局会同江州市财政局印发《江州市科技创新券管理办法》。\n"
            "江州市科学技术局会同江州市财政局起草答复如下。\n"
            "江州市科学技术局会同江州理工大学开展技术攻关。\n"
            "江州云帆数据有限公司与江州大学签署战略合作协议。")
    found = {(s, p, o) if p != "partnerOf" else (p, frozenset((s, o))) for s, p, o in triples(extract(tmp_path, text))}
    assert found == {
        ("江州市科技创新券管理办法", "issuedBy", "江州市科学技术局"),
        ("江州市科技创新券管理办法", "issuedBy", "江州市财政局"),
        ("partnerOf", frozenset({"江州市科学技术局", "江州理工大学"})),
        ("partnerOf", frozenset({"江州云帆数据有限公司", "江州大学"}))}


def test_a_name_that_opens_another_makes_it_a_unit_only_as_a_word_of_its_own_and_when_not_denied(tmp_path):
    """江州大学城管理办公室 is not 江州大学's (大学城 is a word); 江州大学科技园有限公司…与江州大学无股权关系
    denies it; a company that shares a brand (江州云图) is not owned by it; 前身是2013年成立的A names the
    predecessor, a studio (工作室); 蓝图大学技术转移研究院 is still 蓝图大学's."""
    text = ("江州大学城管理办公室隶属于江州市教育局。\n"
            "江州大学科技园有限公司是江州市国资委控股的园区运营企业，与江州大学无股权关系。\n"
            "江州云图智能科技股份有限公司的前身是2013年成立的江州云图软件工作室。\n"
            "蓝图大学技术转移研究院由蓝图大学设立。")
    found = {t for t in triples(extract(tmp_path, text)) if t[1] in ("subOrganizationOf", "predecessorOf")}
    assert found == {("江州大学城管理办公室", "subOrganizationOf", "江州市教育局"),
                     ("江州云图软件工作室", "predecessorOf", "江州云图智能科技股份有限公司"),
                     ("蓝图大学技术转移研究院", "subOrganizationOf", "蓝图大学")}


def test_a_bare_park_is_the_one_a_sentence_opens_with_and_a_former_name_is_a_predecessor(tmp_path):
    """【科技园区】P位于…，是Q的重要组成部分。园区入驻企业…，其中A、B: P hosts them, not the larger Q named inside
    the sentence; Q，曾用名“R”，…。园区内…其中包括A: Q's, and R is Q's predecessor, as in X原名Y."""
    text = ("【科技园区】青溪软件园位于江州市滨江区，是江州科学城的重要组成部分。至年底，园区入驻企业320家，"
            "其中江州星河科技有限公司、云湖数智有限公司等12家企业营业收入超亿元。\n"
            "青溪科学城，曾用名“青溪高新技术产业开发区”，是江州市重点建设的科技园区。园区内入驻企业超过3000家，"
            "其中包括江州云图智能科技有限公司等高新技术企业。\n"
            "江州光电有限公司原名江州光电技术研究所。")
    assert triples(extract(tmp_path, text)) == {
        ("青溪软件园", "partOf", "江州科学城"),
        ("江州星河科技有限公司", "locatedIn", "青溪软件园"), ("云湖数智有限公司", "locatedIn", "青溪软件园"),
        ("青溪高新技术产业开发区", "predecessorOf", "青溪科学城"),
        ("江州云图智能科技有限公司", "locatedIn", "青溪科学城"),
        ("江州光电技术研究所", "predecessorOf", "江州光电有限公司")}


def test_transfers_licences_and_pledges_make_no_partners_and_a_shared_field_is_no_short_name(tmp_path):
    """专利转让合同, 专利许可协议, 知识产权质押合同: a sale, a licence and a loan's security, not partnerships; 机器人 of
    深圳机器人有限公司 and 上海机器人有限公司 is the word, no one's short name; 首席技术官韩冰现已加盟…: 韩冰."""
    text = ("江州先进制造研究院与深圳机器人有限公司签订专利转让合同。\n"
            "江州大学分别与江州星河科技有限公司、上海机器人有限公司签署专利许可协议。\n"
            "云湖芯片有限公司与江州银行、云湖农商银行分别签订知识产权质押合同。\n"
            "深圳机器人有限公司与上海机器人有限公司因专利权属发生纠纷。机器人企业普遍重视专利布局。\n"
            "原江州星河科技有限公司首席技术官韩冰现已加盟云湖光电股份有限公司。")
    corpus = extract(tmp_path, text)
    assert triples(corpus) == set()
    assert entity_named(corpus, "深圳机器人有限公司").aliases == set()
    assert "韩冰" in corpus.entities and not corpus.memberships


def test_a_unit_s_seat_a_move_and_an_academy_honour_state_no_seat_or_post(tmp_path):
    """X…，其招聘中心位于P puts X nowhere (其总部位于P does); A合伙人X加入B担任… and A董事长X近日加盟B leave A's post;
    A学院院士X holds no post at the college (A科学院院士X does); “求知学院版”大模型 is an edition, no college;
    X（原名A）: A is X's predecessor."""
    text = ("江州星河科技有限公司成立于2015年，其招聘中心位于青溪大学科技园。\n"
            "江州云帆数据有限公司成立于2016年，其总部位于江州软件园。\n"
            "云湖创投合伙人陈思远加入江州高新投资有限公司担任投资总监。\n"
            "江州星辰科技有限公司董事长张伟近日加盟云湖光电股份有限公司。\n"
            "合作导师为江州大学化学学院院士陈立新。中国科学院院士、江州大学教授王晓东出席。\n"
            "江州云图科技有限公司发布面向教育场景的“求知学院版”大模型。\n"
            "青溪深度求知科技有限公司（原名青溪求知人工智能实验室）于2023年完成更名。")
    corpus = extract(tmp_path, text)
    assert {t for t in triples(corpus) if t[1] != "affiliatedWith"} == {
        ("江州云帆数据有限公司", "locatedIn", "江州软件园"),
        ("青溪求知人工智能实验室", "predecessorOf", "青溪深度求知科技有限公司")}
    assert sorted((m.person, m.organisation, m.title) for m in corpus.memberships) == [
        ("王晓东", "中国科学院", "院士"), ("王晓东", "江州大学", "教授")]
    assert "求知学院" not in corpus.entities


def test_a_fair_s_stands_and_a_tenant_that_left_put_no_one_in_a_park(tmp_path):
    """P展区汇聚了A、B…, P展位…入驻该展位的A, P展区吸引了A等企业入驻, 会展中心汇聚了A等600余家参展企业: exhibitors at a
    fair, in no park; 已入驻A、B等企业，其中A已于2023年6月退租并迁出园区: B only."""
    text = ("青溪科学城展区汇聚了江州星河科技有限公司、云湖智芯半导体股份有限公司等40余家企业的最新成果。\n"
            "江州高新区展位吸引了大批观众，入驻该展位的江州北辰机器人有限公司集中发布了8款新品。\n"
            "云湖高新区展区吸引了青溪新能源有限公司、江州北辰机器人有限公司等企业入驻。\n"
            "江州国际会展中心汇聚了江州星河科技有限公司、云湖智芯半导体股份有限公司等600余家参展企业。\n"
            "青溪数字经济产业园已入驻青溪云帆信息技术有限公司、江州锐芯数据有限公司等企业，"
            "其中青溪云帆信息技术有限公司已于2023年6月退租并迁出园区。")
    assert triples(extract(tmp_path, text)) == {("江州锐芯数据有限公司", "locatedIn", "青溪数字经济产业园")}


def test_party_bodies_of_an_organisation_are_its_departments_and_an_alliance_keeps_its_place(tmp_path):
    """X公司党委, X学院党委: the party committee of X (a department, no government body); X高新区党建联盟 is one
    alliance (a bare 党建联盟 would be every district's); 组织成员单位A等30家企业 names A, not 成员单位A."""
    text = ("云湖高新区党建联盟成立，首批成员单位包括云湖芯源微电子有限公司、云湖大学等20家。\n"
            "江州星河科技有限公司党委与江州大学计算机学院党委签署党建共建协议。\n"
            "江州人工智能产业联盟组织成员单位江州星辰科技有限公司等30家企业联合参展。")
    corpus = extract(tmp_path, text)
    kinds = {e.label: e.subtype for e in corpus.entities.values()}
    assert kinds["江州星河科技有限公司党委"] == kinds["江州大学计算机学院党委"] == "Department"
    assert "党建联盟" not in kinds and "江州星辰科技有限公司" in kinds
    assert [(a.subject, a.value) for a in corpus.attributes if a.property == "memberCount"] == [("云湖高新区党建联盟", 20)]
