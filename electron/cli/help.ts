// Help texts of the `jihe` command (Chinese, for the auditor at a terminal).
export const MAIN_HELP = `稽核工作站命令行 jihe

用法：
  jihe compute 工资表 申报明细 缴费方案 --from YYYY-MM --to YYYY-MM --as-of YYYY-MM-DD [选项]
  jihe demo --out 目录
  jihe dossier verify 档案.zip
  jihe dossier export --data 数据目录 --case 案件编号或ID --out 档案.zip
  jihe --help | jihe compute --help
  jihe --version

命令：
  compute   从工资表和缴费申报明细计算补缴金额和滞纳金（不需要数据库）
  demo      用内置的虚构示例单位完成一次稽核演示，生成全部稽核文书（PDF 和 XLSX）及稽核档案
  dossier   核验稽核档案 ZIP（缺失、被改动、多出的文件和操作记录链），或从数据目录导出案件档案
`;

export const COMPUTE_HELP = `用法：
  jihe compute 工资表 申报明细 缴费方案 --from YYYY-MM --to YYYY-MM --as-of YYYY-MM-DD
               [--exempt 豁免文件] [--json [--rows]] [--leave-out-error-rows]

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
