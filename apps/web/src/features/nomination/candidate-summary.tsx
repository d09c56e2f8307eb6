import { Descriptions, Typography } from 'antd';
import type { Gender, OrgUnitKind, PersonKind } from '../../gql/enums';
import { genderLabels, orgUnitKindLabels, personKindLabels } from '../../i18n/labels';
import { formatDate, formatDateTime } from '../../lib/format';

export interface CandidatePersonView {
  fullName: string;
  kind: PersonKind;
  position?: string | null;
  unit?: { name: string } | null;
  residence?: string | null;
  dateOfBirth?: string | null;
  gender?: Gender | null;
  homeTown?: string | null;
}

export interface CandidateView {
  candidateUnit?: { name: string; kind?: OrgUnitKind | null } | null;
  candidatePerson?: CandidatePersonView | null;
  campaign?: { name: string } | null;
  occasion: { name: string };
  form: { name: string };
  proposingUnit?: { name: string } | null;
  nominationDate: string;
  submittedAt?: string | null;
  achievementSummary: string;
  pendingProceedings: boolean;
}

/** Who a nomination proposes, as far as a list needs it. */
export interface CandidateRef {
  candidateUnit?: { name: string } | null;
  candidatePerson?: { fullName: string } | null;
}

/** The collective's name or the person's full name. */
export function candidateName(n: CandidateRef): string {
  if (n.candidateUnit) return n.candidateUnit.name;
  if (n.candidatePerson) return n.candidatePerson.fullName;
  return 'Cá nhân (không xem được thông tin)';
}

/** «Tập thể» / «Cá nhân». */
export function candidateKindText(n: CandidateRef): string {
  return n.candidateUnit ? 'Tập thể' : 'Cá nhân';
}

/** Who is proposed for what: the candidate (a collective, or a person with their particulars), the form and occasion, the achievement. */
export function CandidateSummary({ nomination: n }: { nomination: CandidateView }) {
  const p = n.candidatePerson;
  return (
    <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
      <Descriptions.Item label={n.candidateUnit ? 'Tập thể được đề nghị' : 'Cá nhân được đề nghị'} span={2}>
        <Typography.Text strong>{candidateName(n)}</Typography.Text>
        {n.candidateUnit?.kind && <Typography.Text type="secondary"> ({orgUnitKindLabels[n.candidateUnit.kind]})</Typography.Text>}
        {p && <Typography.Text type="secondary"> ({personKindLabels[p.kind]})</Typography.Text>}
      </Descriptions.Item>
      {p && (
        <>
          <Descriptions.Item label="Ngày sinh">{p.dateOfBirth ? formatDate(p.dateOfBirth) : 'Chưa ghi'}</Descriptions.Item>
          <Descriptions.Item label="Giới tính">{p.gender ? genderLabels[p.gender] : 'Chưa ghi'}</Descriptions.Item>
          <Descriptions.Item label="Quê quán">{p.homeTown ?? 'Chưa ghi'}</Descriptions.Item>
          <Descriptions.Item label="Nơi cư trú">{p.residence ?? 'Chưa ghi'}</Descriptions.Item>
          <Descriptions.Item label="Chức vụ">{p.position ?? 'Chưa ghi'}</Descriptions.Item>
          <Descriptions.Item label="Đơn vị công tác">{p.unit?.name ?? 'Không thuộc đơn vị trong danh bạ'}</Descriptions.Item>
        </>
      )}
      {n.campaign && (
        <Descriptions.Item label="Phong trào" span={2}>
          {n.campaign.name}
        </Descriptions.Item>
      )}
      <Descriptions.Item label="Đợt khen thưởng">{n.occasion.name}</Descriptions.Item>
      <Descriptions.Item label="Hình thức khen thưởng">{n.form.name}</Descriptions.Item>
      {n.proposingUnit && <Descriptions.Item label="Đơn vị đề nghị">{n.proposingUnit.name}</Descriptions.Item>}
      <Descriptions.Item label="Ngày đề nghị">{formatDate(n.nominationDate)}</Descriptions.Item>
      {n.submittedAt && <Descriptions.Item label="Gửi lúc">{formatDateTime(n.submittedAt)}</Descriptions.Item>}
      <Descriptions.Item label="Đang bị xem xét kỷ luật, thanh tra, khiếu nại">{n.pendingProceedings ? 'Có' : 'Không'}</Descriptions.Item>
      <Descriptions.Item label="Tóm tắt thành tích" span={2}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{n.achievementSummary}</Typography.Paragraph>
      </Descriptions.Item>
    </Descriptions>
  );
}
