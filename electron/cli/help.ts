// Help texts of the `jihe` command (Chinese, for the auditor at a terminal).
export const MAIN_HELP = `稽核工作站命令行 jihe

用法：
  jihe compute 工资表 申报明细 缴费方案 --from YYYY-MM --to YYYY-MM --as-of YYYY-MM-DD [选项]
  jihe screen 结算明细 目录 [--params 参数文件] [--json]
  jihe demo --out 目录
  jihe dossier verify 档案.zip
  jihe dossier export --data 数据目录 --case 案件编号或ID --out 档案.zip [--user 用户名]
  jihe draw --targets 文件 --inspectors 文件 --seed 文本 --team K --quota high=N,medium=N%,low=N [选项]
  jihe draw verify 抽查记录.json
  jihe stats --data 数据目录 --month YYYY-MM --out 目录
  jihe --help | jihe compute --help | jihe screen --help | jihe draw --help
  jihe --version

命令：
  compute   从工资表和缴费申报明细计算补缴金额和滞纳金（不需要数据库）
  screen    定点医药机构结算明细的规则筛查（R01–R11，不需要数据库）
  demo      用内置的虚构示例单位完成一次稽核演示，生成全部稽核文书（PDF 和 XLSX）及稽核档案
  draw      “双随机”抽取检查对象和检查组（可由任何人按记录重算核验）；draw verify 核验抽查记录
  dossier   核验稽核档案 ZIP（缺失、被改动、多出的文件和操作记录链），或从数据目录导出案件档案
  stats     按数据目录中的案件生成月度《医保基金监督检查情况统计表》（XLSX 和 PDF）
`;

export const COMPUTE_HELP = `用法：
  jihe compute 工资表 申报明细 缴费方案 --from YYYY-MM --to YYYY-MM --as-of YYYY-MM-DD
               [--exempt 豁免文件] [--estimate 核定文件] [--json [--rows]] [--leave-out-error-rows]

参数：
  工资表        .xlsx、.xls 或 .csv（UTF-8 或 GB18030），每人每月一行
  申报明细      缴费申报明细，格式同上；没有“险种”列时基数适用于方案中的所有险种
  缴费方案      JSON 格式的缴费政策（地区、费率、基数上下限、缴费期限）

选项：
  --from YYYY-MM          稽核期间开始月
  --to YYYY-MM            稽核期间结束月
  --as-of YYYY-MM-DD      滞纳金计算截止日（缴款日或计算日）
  --exempt 文件           稽核人员认定的豁免，CSV 或 JSON：
                            CSV：表头含 身份证号、原因，可选 月份、备注，例如
                              身份证号,月份,原因,备注
                              110105198001010016,2024-01~2024-06,实习学生,在校生实习协议
                            JSON：[{"personId":"…","months":["2024-01"],"reason":"student-intern","note":"…"}]
                            原因：退休返聘、实习学生、已在他处参保、其他（也可写 retiree-rehired、
                            student-intern、insured-elsewhere、other）；“其他”须在备注中写明理由；
                            月份留空表示整个稽核期间，可写 2024-01;2024-03 或 2024-01~2024-06
  --estimate 文件         工资表缺失或不可用时的核定（须在缴费方案中设置核定基数规则及法律依据），JSON：
                            [{"personId":"…" 或 null（全部人员）,"months":["2024-03"] 或 null,"reason":"…"}]
  --json                  在标准输出打印一个 JSON 对象：合计（totals）、分险种（byInsurance）、
                            分月（months）、补缴明细行数（lines）及各类清单的条数（counts），
                            不含明细，无论案件多大都只有几 KB
  --rows                  连同全部明细（补缴明细 rows、豁免 exempted、未参保/漏报 payrollOnly、
                            在保不在册 declaredOnly、申报基数偏高 overDeclared、申报金额与费率不符
                            discrepancies）一起打印，边算边输出；隐含 --json
  --leave-out-error-rows  跳过文件中无法读取的行（逐行列出），导入其余各行；
                            默认任何一行有错误都不导入整个文件
  -h, --help              显示本说明

退出码：
  0  计算完成
  1  文件无法读取、缴费方案有误、豁免文件有误或无法计算（原因写在标准错误，标准输出为空）
  2  命令行参数有误
`;

export const SCREEN_HELP = `用法：
  jihe screen 结算明细 [更多结算明细…] 目录 [--params 参数文件] [--json]

参数：
  结算明细      从医保信息平台导出的结算明细，.xlsx、.xls 或 .csv（UTF-8 或 GB18030）；
                列：结算ID、身份证号、姓名、性别、出生日期、就诊类型、入院日期、出院日期、费用日期、
                项目编码、项目名称、数量、单价、金额、医保支付金额（列名可用常见的同义写法）。
                多个文件按给出的顺序读取（“此前”“最后一行”均按文件顺序）
  目录          目录与限价：项目编码、项目名称、类别，可含最高单价、限定性别、最小年龄、最大年龄、每日限量

选项：
  --params 文件  规则参数（JSON），未写的参数用默认值，例如
                   {"R07": {"maxGapDays": 15}, "R08": {"minDays": 3, "ratio": "0.3"},
                    "R10": {"minVisits": 10}, "R11": {"minAmount": "5000"}}
  --json         在标准输出打印 { "rules": {…每条规则的疑点数、违规金额、基金损失}, "hits": [...] }；
                 金额为两位小数的字符串，待核定的金额为 null
  -h, --help     显示本说明

规则：R01 重复收费、R02 超标准收费、R03 限性别、R04 限年龄、R05 超限定频次、R06 住院期间外收费、
      R07 分解住院、R08 挂床住院（疑似）、R09 非目录项目、R10 就诊次数异常、R11 门诊高额费用。
      退费或冲销行（数量或金额为负）列在标准错误中，不参与本版规则筛查。

退出码：
  0  筛查完成
  1  文件无法读取或参数文件有误（原因写在标准错误，标准输出为空）
  2  命令行参数有误
`;

export const DRAW_HELP = `用法：
  jihe draw --targets 文件 --inspectors 文件 --seed 文本 --team K --quota high=N,medium=N%,low=N
            [--conflicts 文件] [--history 文件] [--year YYYY] [--cap N] [--task 事项]
            [--record 抽查记录.json] [--json]

输入文件（.xlsx、.xls 或 .csv，UTF-8 或 GB18030；表头前可有标题行）：
  --targets     检查对象：统一社会信用代码、名称、风险等级（高/中/低）
  --inspectors  检查人员：执法证号、姓名
  --conflicts   回避关系：执法证号、统一社会信用代码
  --history     以往抽查：统一社会信用代码、抽查日期（同一年度已被抽取两次的对象不参加）

选项：
  --seed 文本       随机种子（如公开的开奖号码或当众宣读的文本），原样记录
  --team K          每个检查组的人数（不少于 2）
  --quota …         各风险等级抽取数量：N 为个数，N% 为该等级可抽对象数的百分比（向上取整）；
                    未写的等级抽 0 个；也可写 高=N,中=N%,低=N
  --cap N           每名检查人员至多参加的对象数（默认 ⌈K × 抽中对象数 ÷ 检查人员数⌉）
  --year YYYY       抽查年度（默认今年），用于“同一年度至多两次”
  --task 事项       抽查事项，写入抽查记录
  --record 文件     把完整的抽查记录（种子、参数、快照、全部排序、结果）写成 JSON
  --json            在标准输出打印 { "snapshotSha256": …, "selected": [ { creditCode, tier, team } … ] }
  -h, --help        显示本说明

退出码：0 抽取完成；1 文件有误或无法抽取（原因写在标准错误，标准输出为空）；2 命令行参数有误
`;

export const DRAW_VERIFY_HELP = `用法：
  jihe draw verify 抽查记录.json [--json]

按记录中的种子、参数和快照文本重新抽取（DOMAIN.md §10.3），逐项比对排序、检查组和递补。
退出码：0 一致；1 不一致或记录无法读取（差异写在标准错误）；2 命令行参数有误
`;
