import { useQuery } from '@apollo/client/react';
import { Button, Card, Descriptions, Empty, Result, Space, Steps, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { CampaignFields, ClassificationRuleFields } from '../../features/campaign/use-campaigns';
import { graphql } from '../../gql';
import { authorityLabels, campaignStatusLabels, formKindLabels, milestoneKindLabels, recurrenceLabels } from '../../i18n/labels';
import { ExportButton } from '../../layout/export-button';
import { PageSpinner } from '../../layout/page-spinner';
import { QueryErrors } from '../../layout/query-state';
import { formatDate, formatNumber } from '../../lib/format';
import { spreads } from '../../lib/graphql-runtime';

spreads(CampaignFields, ClassificationRuleFields);

const CampaignQuery = graphql(`
  query PublicCampaign($code: String!) {
    campaign(code: $code) {
      ...CampaignFields
      issuerTitle
      document {
        number
        date
        issuer
        title
      }
      legalBasis {
        number
        date
        issuer
        title
      }
      jurisdiction {
        id
        name
      }
      leadAgency {
        id
        name
      }
      appraisingAgency {
        id
        name
      }
      phases {
        id
        ordinal
        name
        startDate
        endDate
      }
      milestones {
        id
        kind
        title
        dueDate
        recurrence
        sourceClause
      }
      contentAreas {
        code
        title
      }
      prioritySectors {
        code
        name
        actions
      }
      awardForms {
        id
        name
        kind
        authority
        authorityTitle
        forCollectives
        forIndividuals
        validTo
        legalBasis {
          number
        }
      }
      classificationRule {
        ...ClassificationRuleFields
      }
    }
  }
`);

function legalDoc(d: { number: string; date?: string | null; issuer: string; title?: string | null }): string {
  return `${d.number}${d.date ? ` ngày ${formatDate(d.date)}` : ''} của ${d.issuer}${d.title ? `: ${d.title}` : ''}`;
}

/** "2025-12-10" as the calendar day a spreadsheet stores. */
const asDay = (d: string | null | undefined) => (d ? new Date(`${d.slice(0, 10)}T00:00:00`) : null);
const audience = (f: { forCollectives: boolean; forIndividuals: boolean }) => [f.forCollectives ? 'Tập thể' : null, f.forIndividuals ? 'Cá nhân' : null].filter(Boolean).join(', ');

export function CampaignPage() {
  const { code = '' } = useParams();
  const { data, loading, error } = useQuery(CampaignQuery, { variables: { code } });
  if (loading && !data) return <PageSpinner />;
  const c = data?.campaign;
  if (!c) return error ? <QueryErrors error={error} /> : <Result status="404" title="Không tìm thấy phong trào" />;
  const today = new Date().toISOString().slice(0, 10);
  const current = c.phases.findIndex((p) => p.startDate <= today && today <= p.endDate);
  const rule = c.classificationRule;
  const milestones = [...c.milestones].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <QueryErrors error={error} />
      <div>
        <Typography.Title level={2} style={{ marginBottom: 4 }}>
          {c.name}
        </Typography.Title>
        <Space wrap>
          <Tag color={c.status === 'PUBLISHED' ? 'green' : 'default'}>{campaignStatusLabels[c.status]}</Tag>
          <Link to={`/xep-hang?phongTrao=${encodeURIComponent(c.code)}`}>
            <Button type="primary">Xem xếp hạng</Button>
          </Link>
          <Link to={`/khen-thuong?phongTrao=${encodeURIComponent(c.code)}`}>
            <Button>Danh sách khen thưởng</Button>
          </Link>
        </Space>
      </div>
      <Card title="Thông tin chung">
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
          <Descriptions.Item label="Cơ quan ban hành">{c.issuerTitle}</Descriptions.Item>
          <Descriptions.Item label="Văn bản">{c.document ? legalDoc(c.document) : '—'}</Descriptions.Item>
          <Descriptions.Item label="Thời gian">
            {formatDate(c.startDate)} – {formatDate(c.endDate)}
          </Descriptions.Item>
          <Descriptions.Item label="Địa bàn">{c.jurisdiction.name}</Descriptions.Item>
          <Descriptions.Item label="Cơ quan thường trực">{c.leadAgency.name}</Descriptions.Item>
          <Descriptions.Item label="Cơ quan thẩm định khen thưởng">{c.appraisingAgency.name}</Descriptions.Item>
        </Descriptions>
      </Card>
      {c.legalBasis.length > 0 && (
        <Card title="Căn cứ pháp lý">
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {c.legalBasis.map((d) => (
              <li key={d.number}>{legalDoc(d)}</li>
            ))}
          </ul>
        </Card>
      )}
      <Card title="Các giai đoạn">
        <Steps
          orientation="vertical"
          current={current}
          items={c.phases.map((p) => ({ title: p.name, content: `${formatDate(p.startDate)} – ${formatDate(p.endDate)}` }))}
        />
      </Card>
      <Card
        title="Các mốc thời gian"
        extra={
          <ExportButton
            fileName={`moc-thoi-gian-${c.code}`}
            sheetName="Mốc thời gian"
            title={`Các mốc thời gian — ${c.name}`}
            rows={milestones}
            columns={[
              { header: 'Nội dung', value: (m) => m.title, width: 50 },
              { header: 'Loại mốc', value: (m) => milestoneKindLabels[m.kind], width: 28 },
              { header: 'Hạn', value: (m) => asDay(m.dueDate), width: 12, numFmt: 'dd/mm/yyyy' },
              { header: 'Lặp lại', value: (m) => recurrenceLabels[m.recurrence], width: 12 },
              { header: 'Căn cứ (điều, khoản)', value: (m) => m.sourceClause ?? '', width: 16 },
            ]}
          />
        }
      >
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={milestones}
          columns={[
            { title: 'Nội dung', dataIndex: 'title' },
            { title: 'Loại mốc', render: (_, m) => milestoneKindLabels[m.kind], width: 220 },
            {
              title: 'Hạn',
              width: 200,
              render: (_, m) => (m.recurrence === 'YEARLY' ? `ngày ${formatDate(m.dueDate).slice(0, 5)} hằng năm (từ ${m.dueDate.slice(0, 4)})` : formatDate(m.dueDate)),
            },
            { title: 'Căn cứ', dataIndex: 'sourceClause', width: 200, render: (v: string | null) => v ?? '—' },
          ]}
        />
      </Card>
      {c.contentAreas.length > 0 && (
        <Card title="Nội dung thi đua">
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {c.contentAreas.map((a) => (
              <li key={a.code}>{`${a.code}) ${a.title}`}</li>
            ))}
          </ul>
        </Card>
      )}
      {c.prioritySectors.length > 0 && (
        <Card title="Lĩnh vực ưu tiên">
          {c.prioritySectors.map((s) => (
            <div key={s.code} style={{ marginBottom: 12 }}>
              <Typography.Text strong>{s.name}</Typography.Text>
              <div>
                <Typography.Text type="secondary">{s.actions.join('; ')}</Typography.Text>
              </div>
            </div>
          ))}
        </Card>
      )}
      {rule && (
        <Card title="Cách xếp loại">
          <Space wrap>
            {rule.bands.map((b) => (
              <Tag key={b.label} color={b.passes ? 'green' : 'orange'}>
                {b.label}: {b.inclusive ? 'từ' : 'trên'} {formatNumber(b.min)}
                {rule.basis === 'PERCENT' ? '%' : ' điểm'}
              </Tag>
            ))}
            <Tag>{rule.otherwiseLabel}: các trường hợp còn lại</Tag>
          </Space>
        </Card>
      )}
      <Card
        title="Hình thức khen thưởng"
        extra={
          c.awardForms?.length ? (
            <ExportButton
              fileName={`hinh-thuc-khen-thuong-${c.code}`}
              sheetName="Hình thức khen thưởng"
              title={`Hình thức khen thưởng — ${c.name}`}
              rows={c.awardForms}
              columns={[
                { header: 'Hình thức', value: (f) => f.name, width: 40 },
                { header: 'Loại', value: (f) => formKindLabels[f.kind], width: 24 },
                { header: 'Thẩm quyền', value: (f) => f.authorityTitle || authorityLabels[f.authority], width: 36 },
                { header: 'Đối tượng', value: (f) => audience(f), width: 18 },
                { header: 'Hiệu lực đến', value: (f) => asDay(f.validTo) ?? 'Không thời hạn', width: 14, numFmt: 'dd/mm/yyyy' },
                { header: 'Căn cứ', value: (f) => f.legalBasis?.number ?? '', width: 24 },
              ]}
            />
          ) : null
        }
      >
        {!c.awardForms ? (
          <Empty description="Chưa tải được hình thức khen thưởng (dịch vụ khen thưởng chưa phản hồi); vui lòng thử lại sau." />
        ) : c.awardForms.length === 0 ? (
          <Empty description="Chưa có hình thức khen thưởng." />
        ) : (
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={c.awardForms}
            columns={[
              { title: 'Hình thức', dataIndex: 'name' },
              { title: 'Loại', render: (_, f) => formKindLabels[f.kind], width: 200 },
              { title: 'Thẩm quyền', render: (_, f) => f.authorityTitle || authorityLabels[f.authority] },
              {
                title: 'Đối tượng',
                render: (_, f) => audience(f),
                width: 160,
              },
              { title: 'Hiệu lực đến', render: (_, f) => (f.validTo ? formatDate(f.validTo) : 'Không thời hạn'), width: 140 },
            ]}
          />
        )}
      </Card>
    </Space>
  );
}
