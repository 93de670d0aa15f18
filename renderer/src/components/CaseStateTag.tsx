// A case's state as a coloured tag.
import { Tag } from 'antd';
import { CASE_STATE_NAMES, type CaseState } from '../../../shared/api/dto';

const COLORS: Record<CaseState, string> = {
  planned: 'blue',
  notified: 'cyan',
  onsite: 'geekblue',
  summarised: 'purple',
  concluded: 'gold',
  rectifying: 'orange',
  archived: 'default',
  'closed-no-finding': 'green',
};

export function CaseStateTag({ state }: { state: CaseState }) {
  return <Tag color={COLORS[state]}>{CASE_STATE_NAMES[state]}</Tag>;
}
