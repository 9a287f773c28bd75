-- Citations corrected against the full texts (issue 11 B): an installation loaded the catalogue before the correction
-- keeps the rows, so they are corrected here; a fresh database gets the corrected file at start-up (and this changes
-- nothing, the rows do not exist yet). Summaries are the bureau's paraphrases; see procedure/legal-basis.yaml.
update legal_article set summary = '县级民政部门对特困人员生活自理能力进行评估，并根据评估结果确定应当享受的照料护理标准档次；可委托第三方机构评估。'
    where document_code = 'TEKUN_RDBF' and article = '20';
update legal_article set summary = '6项指标全部达到的视为具备生活自理能力；3项以下（含3项）不能达到的视为部分丧失；4项以上（含4项）不能达到的视为完全丧失。'
    where document_code = 'TEKUN_RDBF' and article = '22';
update legal_article set summary = '特困人员不再符合条件的，由乡镇、街道调查核实并报县级民政部门核准；民政部门、乡镇街道在工作中发现的，应当及时办理终止手续。'
    where document_code = 'TEKUN_RDBF' and article = '25';
update legal_article set summary = '家庭成员申请有困难的，可以委托村（居）民委员会或者其他人代为申请；乡镇、街道和村（居）委会发现困难家庭可能符合条件但未申请的，应当主动告知政策。'
    where document_code = 'DIBAO_SHQR' and article = '6';
update legal_article set summary = '最低生活保障审核确认工作应当自受理之日起30个工作日之内完成；特殊情况下，可以延长至45个工作日。'
    where document_code = 'DIBAO_SHQR' and article = '22';
update legal_article set summary = '对批准获得最低生活保障的家庭，按照共同生活的家庭成员人均收入低于当地最低生活保障标准的差额，按月发给最低生活保障金；对获得低保后生活仍有困难的老年人、未成年人、重度残疾人和重病患者，应当采取必要措施给予生活保障。'
    where document_code = 'SHJZ_ZXBF' and article = '12';
update legal_article set summary = '申请临时救助的，向乡镇人民政府、街道办事处提出，经审核、公示后，由县级民政部门审批；救助金额较小的，可以委托乡镇人民政府、街道办事处审批；情况紧急的，可以按照规定简化审批手续。'
    where document_code = 'SHJZ_ZXBF' and article = '48';
update legal_article set label = '第一部分', summary = '加大低保扩围增效工作力度（规范准入条件、完善经济状况评估认定、落实渐退政策、细化低保边缘家庭认定条件）。'
    where document_code = 'DOUDI_TZ_2022' and article = '2';
update legal_article set summary = '健全完善工作机制（易地搬迁衔接、家庭经济状况核对机制、低收入人口动态监测）。'
    where document_code = 'DOUDI_TZ_2022' and article = '3';
update legal_article set summary = '优化规范办理流程（办理期限、公示公布、非本地户籍人员申请）。'
    where document_code = 'DOUDI_TZ_2022' and article = '4';
update legal_document set confidence = 'V', note = '2023年9月1日修订，2024年1月1日起施行。第二十条、第二十三条、第二十四条已对照全文核实。'
    where code = 'XZFY_FA';
update legal_document set confidence = 'V', note = '2017年6月27日修正。第四十五条、第四十六条已对照全文核实。'
    where code = 'XZSS_FA';

-- The articles the corrected parameters now cite, for installations that do not have them yet.
insert into legal_article (document_code, article, label, summary, sort_key, created_by)
select d.code, a.article, a.label, a.summary, a.sort_key, 'system'
from legal_document d
join (values
    ('TEKUN_RDBF', '23', '第二十三条', '特困人员生活自理能力发生变化的，县级民政部门应当自接到报告之日起10个工作日内组织复核评估，并及时调整认定类别。', 23),
    ('TEKUN_RDBF', '26', '第二十六条', '拟终止救助供养的，在其所在村（社区）或供养服务机构公示7天；无异议的作出终止决定并自下月起终止；有异议的组织调查核实，在15个工作日内作出是否终止的决定并重新公示；决定终止的，将终止理由书面告知当事人和村（居）民委员会。', 26),
    ('DOUDI_TZ_2022', '1.3', '第一部分第（三）项', '对就业后家庭人均收入超过当地低保标准的低保家庭，可给予原则上不超过6个月的渐退期；低保家庭成员死亡后，应当自其死亡之日起3个月内对其家庭状况进行核查并办理增发、减发、停发手续。', 1),
    ('DOUDI_TZ_2022', '4.1', '第四部分第（一）项', '低保审核确认应当自受理之日起30个工作日之内完成；审核确认权限下放到乡镇人民政府（街道办事处）的，应当自受理之日起20个工作日之内完成；发生公示有异议、人户分离、异地申办或者家庭经济状况调查难度较大等特殊情况的，可以延长至45个工作日。', 4)
) as a (document_code, article, label, summary, sort_key) on a.document_code = d.code
on conflict (document_code, article) do nothing;

-- Parameters that cited the wrong article (the value and its history stay; only the citation is corrected).
update parameter_value set basis_article = '23'
    where code = 'TEKUN_REASSESS_WD' and basis_document = 'TEKUN_RDBF' and basis_article = '22';
update parameter_value set basis_document = 'DOUDI_TZ_2022', basis_article = '4.1'
    where code = 'DIBAO_TOTAL_WD_DELEGATED' and basis_document = 'DIBAO_SHQR' and basis_article = '22'
      and exists (select 1 from legal_article where document_code = 'DOUDI_TZ_2022' and article = '4.1');
update parameter_value set basis_article = '1.3'
    where code in ('GRADUAL_EXIT_MAX_MONTHS', 'DEATH_RECHECK_MONTHS') and basis_document = 'DOUDI_TZ_2022'
      and exists (select 1 from legal_article where document_code = 'DOUDI_TZ_2022' and article = '1.3');
