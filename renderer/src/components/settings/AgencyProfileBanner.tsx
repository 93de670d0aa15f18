// First run (issue 9, item 3): until the bureau has filled in its own agency profile — none is
// stored, or fields still hold the shipped example's values (AgencyProfile.sampleFields) — every
// screen asks for it. Whoever may edit the profile gets a button to the form; everyone else a
// notice to ask the section head or administrator. No document is issued meanwhile (backend).
import { useEffect, useState } from 'react';
import { Alert, Button } from 'antd';
import type { AgencyProfile } from '../../../../shared/domain/agency';
import { roleCan } from '../../../../shared/domain/roles';
import { profileNeedsFilling, sampleFieldsLeft, SAMPLE_FIELD_NAMES } from '../../../../shared/rules/sampleValues';
import { call } from '../../api/client';
import { useAuth } from '../auth/AuthContext';
import { navigate, useRoute } from '../../router';

/** Fired by the profile form after a save or an import, so the banner looks again. */
export const AGENCY_CHANGED_EVENT = 'jihe-agency-changed';

export function AgencyProfileBanner() {
  const { session } = useAuth();
  const route = useRoute();
  const [profile, setProfile] = useState<AgencyProfile | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const load = () =>
      void call('agency.get', {})
        .then((p) => live && setProfile(p))
        .catch(() => live && setProfile(undefined));
    load();
    window.addEventListener(AGENCY_CHANGED_EVENT, load);
    return () => {
      live = false;
      window.removeEventListener(AGENCY_CHANGED_EVENT, load);
    };
  }, [route.page]);

  if (profile === undefined || !profileNeedsFilling(profile)) return null;
  const canEdit = Boolean(session?.bootstrap || (session?.user && roleCan(session.user.role, 'configure')));
  const left = sampleFieldsLeft(profile).map((f) => SAMPLE_FIELD_NAMES[f]);
  const what = profile === null ? '本机尚未配置机关信息' : `机关信息中的${left.join('、')}仍是示例内容`;
  return (
    <Alert
      type="warning"
      showIcon
      className="section"
      data-testid="agency-first-run"
      title={`首次使用：${what}，在填写本机关的真实信息之前，文书只能生成草稿，不能签发。`}
      description={
        canEdit
          ? '请在“系统设置 → 单位信息”中填写机关名称、文号前缀、地址、邮政编码、联系人、联系电话和印章文字并保存；本局其他电脑已配置的，可在该页“导入配置”。'
          : '请联系科室负责人或系统管理员在“系统设置 → 单位信息”中填写本机关的信息。'
      }
      action={
        canEdit && route.page !== 'settings' ? (
          <Button size="small" type="primary" onClick={() => navigate({ page: 'settings' })}>
            填写单位信息
          </Button>
        ) : undefined
      }
    />
  );
}
