// 操作记录: the case's audit trail as a timeline in plain Chinese (who did what, when), and the
// 校验 button that re-computes the hash chain and says 完整 or 已被篡改 (naming the entry).
import { useState } from 'react';
import { Alert, Button, Card, Flex, Timeline, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { call, errorText } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { formatDateTime } from '../../format';

type Verify = { ok: boolean; entries: number; head: string | null; brokenAt: number | null; message: string };

export function TrailPanel({ caseId, version }: { caseId: number; version?: unknown }) {
  const trail = useQuery(() => call('trail.list', { caseId }), [caseId, version]);
  const [check, setCheck] = useState<Verify | null>(null);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const verify = async () => {
    setChecking(true);
    setError(null);
    try {
      setCheck(await call('trail.verify', { caseId }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setChecking(false);
    }
  };

  return (
    <div data-testid="trail-panel">
      <Card size="small" className="section">
        <Flex gap={12} align="center" wrap>
          <Button icon={<SafetyCertificateOutlined />} onClick={() => void verify()} loading={checking}>
            校验
          </Button>
          <Typography.Text type="secondary">每条记录都含上一条记录的哈希，形成哈希链；记录只能追加，任何改动都会在校验时发现。</Typography.Text>
        </Flex>
        {check && (
          <Alert
            style={{ marginTop: 8 }}
            type={check.ok ? 'success' : 'error'}
            showIcon
            title={check.ok ? '完整' : '已被篡改'}
            description={
              <span>
                {check.message}
                {check.head && (
                  <>
                    <br />
                    链头哈希 <span className="mono">{check.head}</span>
                  </>
                )}
              </span>
            }
          />
        )}
        {error && <Alert style={{ marginTop: 8 }} type="error" showIcon title={error} />}
      </Card>
      {trail.error && <Alert type="error" showIcon title={trail.error} className="section" />}
      <Card size="small">
        <Timeline
          items={(trail.data ?? []).map((e) => ({
            key: e.id,
            color: check && !check.ok && check.brokenAt === e.id ? 'red' : e.action === 'case.transition' ? 'green' : 'blue',
            content: (
              <div>
                <Typography.Text strong>{e.title}</Typography.Text>
                {e.summary && <Typography.Text> · {e.summary}</Typography.Text>}
                <div className="muted">
                  {formatDateTime(e.at)} · {e.actorName ? `${e.actorName}（${e.actor}）` : e.actor} · 第 {e.id} 条 · <span className="mono" title={e.hash}>{e.hash.slice(0, 12)}</span>
                </div>
              </div>
            ),
          }))}
        />
      </Card>
    </div>
  );
}
