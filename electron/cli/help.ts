// Help texts of the `jihe` command (Chinese, for the auditor at a terminal).
export const MAIN_HELP = `稽核工作站命令行 jihe

用法：
  jihe compute 工资表 申报明细 缴费方案 --from YYYY-MM --to YYYY-MM --as-of YYYY-MM-DD [选项]
  jihe screen 结算明细 目录 [--params 参数文件] [--json]
  jihe demo --out 目录
  jihe dossier verify 档案.zip
  jihe dossier export --data 数据目录 --case 案件编号或ID --out 档案.zip
  jihe --help | jihe compute --help | jihe screen --help
  jihe --version

命令：
  compute   从工资表和缴费申报明细计算补缴金额和滞纳金（不需要数据库）
  screen    定点医药机构结算明细的规则筛查（R01–R11，不需要数据库）
  demo      用内置的虚构示例单位完成一次稽核演示，生成全部稽核文书（PDF 和 XLSX）及稽核档案
  dossier   核验稽核档案 ZIP（缺失、被改动、多出的文件和操作记录链），或从数据目录导出案件档案
`;

export const COMPUTE_HELP = `用法：
  jihe compute 工资表 申报明细 缴费方案 --from YYYY-MM --to YYYY-MM --as-of YYYY-MM-DD
               [--exempt 豁免文件] [--json] [--leave-out-error-rows]

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
  --json                  在标准输出打印一个 JSON 对象（totals、byInsurance、months、lines、明细行等）
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
