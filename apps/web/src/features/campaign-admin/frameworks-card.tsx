import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Form, Select, Typography } from 'antd';
import { useState } from 'react';
import { targetLevelLabels } from '../../i18n/labels';
import { ExportButton } from '../../layout/export-button';
import { applyServerErrors } from '../../lib/form-errors';
import { CampaignAdminQuery, PublishedFrameworksQuery, SetCampaignFrameworksMutation, type AdminCampaign } from './campaign-admin-data';

/** Which published index frameworks score the campaign (none chosen: every published one). */
export function FrameworksCard({ campaign }: { campaign: AdminCampaign }) {
  const [form] = Form.useForm<{ frameworkIds: string[] }>();
  const { message } = App.useApp();
  const [alert, setAlert] = useState<string | null>(null);
  const { data, loading } = useQuery(PublishedFrameworksQuery);
  const [save, saving] = useMutation(SetCampaignFrameworksMutation, { refetchQueries: [CampaignAdminQuery] });
  const published = (data?.frameworks ?? []).filter((f) => f.status === 'PUBLISHED').sort((a, b) => b.yearsLabel.localeCompare(a.yearsLabel) || a.name.localeCompare(b.name, 'vi'));
  const chosen = campaign.frameworks ?? [];

  const onFinish = async (v: { frameworkIds: string[] }) => {
    setAlert(null);
    try {
      await save({ variables: { campaignId: campaign.id, frameworkIds: v.frameworkIds ?? [] } });
      message.success('Đã lưu các bộ chỉ số của phong trào.');
    } catch (err) {
      setAlert(applyServerErrors(form, err, { FRAMEWORK_NOT_PUBLISHED: 'frameworkIds', FRAMEWORK_NOT_FOUND: 'frameworkIds' }));
    }
  };

  return (
    <Card
      title="Bộ chỉ số đánh giá"
      size="small"
      extra={
        <ExportButton
          fileName={`bo-chi-so-${campaign.code}`}
          sheetName="Bộ chỉ số"
          title={`Bộ chỉ số đánh giá của phong trào — ${campaign.name}`}
          rows={chosen}
          columns={[
            { header: 'Bộ chỉ số', value: (f) => f.name, width: 60 },
            { header: 'Năm áp dụng', value: (f) => f.yearsLabel, width: 16 },
          ]}
        />
      }
    >
      <Typography.Paragraph type="secondary">
        {chosen.length
          ? `Phong trào chấm điểm theo ${chosen.length} bộ chỉ số: mỗi năm, mỗi loại đơn vị dùng bộ có hiệu lực.`
          : 'Chưa chọn bộ chỉ số: phong trào chấm điểm theo mọi bộ chỉ số đã ban hành.'}
      </Typography.Paragraph>
      <Form form={form} name="bo-chi-so" layout="vertical" onFinish={onFinish} initialValues={{ frameworkIds: chosen.map((f) => f.id) }}>
        {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 16 }} />}
        <Form.Item name="frameworkIds" label="Các bộ chỉ số đã ban hành dùng để chấm điểm phong trào">
          <Select
            mode="multiple"
            loading={loading}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="Mọi bộ chỉ số đã ban hành"
            options={published.map((f) => ({ value: f.id, label: `${f.name} (${f.yearsLabel}, ${targetLevelLabels[f.targetLevel].toLowerCase()})` }))}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving.loading}>
          Lưu bộ chỉ số
        </Button>
      </Form>
    </Card>
  );
}
