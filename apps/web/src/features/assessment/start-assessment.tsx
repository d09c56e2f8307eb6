import { useMutation } from '@apollo/client/react';
import { Alert, App, Button, Card, Descriptions, Result, Typography } from 'antd';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { OrgUnitKind, TargetLevel } from '../../gql/graphql';
import { orgUnitKindLabels, targetLevelLabels } from '../../i18n/labels';
import { toUserMessage } from '../../lib/errors';
import { formatDate } from '../../lib/format';

const StartAssessment = graphql(`
  mutation UnitStartAssessment($campaignId: ID!, $year: Int!, $unitId: ID!, $frameworkId: ID!) {
    startAssessment(campaignId: $campaignId, year: $year, unitId: $unitId, frameworkId: $frameworkId) {
      id
    }
  }
`);

export interface FrameworkChoice {
  id: string;
  name: string;
  year: number;
  targetLevel: TargetLevel;
  appliesToKinds: OrgUnitKind[];
  isSample: boolean;
  jurisdiction: string;
  legalBasis: { number: string; date: string | null; issuer: string } | null;
}

const LEVEL_OF_KIND: Record<OrgUnitKind, TargetLevel> = {
  PROVINCE_PC: 'PROVINCE',
  CITY_PC: 'DISTRICT',
  DISTRICT_PC: 'DISTRICT',
  DEPARTMENT: 'DEPARTMENT',
  MASS_ORGANISATION: 'DEPARTMENT',
  CENTRAL_AGENCY: 'DEPARTMENT',
  WARD_PC: 'COMMUNE',
  COMMUNE_PC: 'COMMUNE',
  ENTERPRISE: 'ENTERPRISE',
};

/**
 * The framework a unit is scored by in a year: published for that year and for its kind of unit; one the lead agency
 * issued before a sample shipped with the system, one aimed at the unit's level before a broader one.
 */
export function chooseFramework<F extends FrameworkChoice>(frameworks: readonly F[], kind: OrgUnitKind, year: number): F | null {
  const fits = frameworks.filter((f) => f.year === year && f.appliesToKinds.includes(kind));
  const rank = (f: F) => (f.isSample ? 2 : 0) + (f.targetLevel === LEVEL_OF_KIND[kind] ? 0 : 1);
  return [...fits].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'vi'))[0] ?? null;
}

/** No assessment yet: which framework it will follow and why, and the button that opens it. */
export function StartAssessmentCard(props: {
  campaignId: string;
  unit: { id: string; name: string; kind: OrgUnitKind };
  year: number;
  frameworks: readonly FrameworkChoice[];
  leadAgencyName: string;
  onStarted: () => void;
}) {
  const { unit, year } = props;
  const { message } = App.useApp();
  const [start, { loading }] = useMutation(StartAssessment);
  const [alert, setAlert] = useState<string | null>(null);
  const chosen = chooseFramework(props.frameworks, unit.kind, year);
  const others = props.frameworks.filter((f) => f.year === year && f.appliesToKinds.includes(unit.kind)).length - 1;

  if (!chosen) {
    return (
      <Result
        status="info"
        title={`Chưa có bộ chỉ số năm ${year} áp dụng cho ${orgUnitKindLabels[unit.kind]}`}
        subTitle={`Khi ${props.leadAgencyName} ban hành bộ chỉ số đánh giá của năm, đơn vị sẽ lập được phiếu tự đánh giá tại đây.`}
      />
    );
  }

  const open = async () => {
    setAlert(null);
    try {
      await start({ variables: { campaignId: props.campaignId, year, unitId: unit.id, frameworkId: chosen.id } });
      message.success(`Đã lập phiếu tự đánh giá năm ${year}.`);
      props.onStarted();
    } catch (err) {
      setAlert(toUserMessage(err));
    }
  };

  return (
    <Card title={`Lập phiếu tự đánh giá năm ${year}`}>
      <Typography.Paragraph>
        Đơn vị chưa có phiếu tự đánh giá năm {year}. Phiếu của {unit.name} sẽ được lập theo bộ chỉ số dưới đây — bộ chỉ số năm {year} dành cho{' '}
        {orgUnitKindLabels[unit.kind]}
        {others > 0 ? `, được chọn trong ${others + 1} bộ chỉ số áp dụng vì ${chosen.isSample ? 'phù hợp nhất với cấp của đơn vị' : 'do cơ quan có thẩm quyền ban hành cho cấp của đơn vị'}` : ''}.
      </Typography.Paragraph>
      <Descriptions bordered size="small" column={1} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="Bộ chỉ số">{chosen.name}</Descriptions.Item>
        <Descriptions.Item label="Phạm vi">{chosen.jurisdiction}</Descriptions.Item>
        <Descriptions.Item label="Đối tượng">{targetLevelLabels[chosen.targetLevel]}</Descriptions.Item>
        <Descriptions.Item label="Áp dụng cho">{chosen.appliesToKinds.map((k) => orgUnitKindLabels[k]).join(', ')}</Descriptions.Item>
        {chosen.legalBasis && (
          <Descriptions.Item label="Căn cứ">
            {chosen.legalBasis.number}
            {chosen.legalBasis.date ? ` ngày ${formatDate(chosen.legalBasis.date)}` : ''} của {chosen.legalBasis.issuer}
          </Descriptions.Item>
        )}
      </Descriptions>
      {chosen.isSample && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="Đây là bộ chỉ số mẫu đi kèm hệ thống."
          description={`${props.leadAgencyName} chưa ban hành bộ chỉ số riêng cho năm ${year}; nếu sắp ban hành, nên chờ để lập phiếu theo bộ chỉ số chính thức.`}
        />
      )}
      {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 16 }} />}
      <Button type="primary" onClick={() => void open()} loading={loading}>
        Lập phiếu tự đánh giá
      </Button>
    </Card>
  );
}
