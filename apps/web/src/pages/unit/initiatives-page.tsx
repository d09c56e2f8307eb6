import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, DatePicker, Drawer, Empty, Form, Input, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useLayoutEffect, useState } from 'react';
import { Link } from 'react-router';
import { CreateInitiativeMutation, UnitInitiativeOptionsQuery, UnitInitiativesQuery, UpdateInitiativeMutation, type UnitInitiative } from '../../features/initiative/initiative-data';
import type { RecognitionLevel } from '../../gql/graphql';
import { personKindLabels, recognitionLevelLabels } from '../../i18n/labels';
import { ExportButton } from '../../layout/export-button';
import { QueryErrors } from '../../layout/query-state';
import { applyServerErrors } from '../../lib/form-errors';
import { dayjs, formatDate } from '../../lib/format';
import { UnitPageHeader } from './unit-page-header';
import { WithMyUnit, type MyUnit } from './use-my-unit';

interface Values {
  title: string;
  field: string;
  authorIds: string[];
  recognitionLevel: RecognitionLevel;
  recognizedDate?: Dayjs | null;
  decisionNumber?: string;
  campaignId?: string | null;
  replicated: boolean;
}

const LEVELS = Object.keys(recognitionLevelLabels) as RecognitionLevel[];

/** "Quyết định 12/QĐ-UBND ngày 05/3/2025", or what is known of it. */
function recognitionOf(i: UnitInitiative): string {
  const parts = [i.decisionNumber ? `Quyết định ${i.decisionNumber}` : null, i.recognizedDate ? `ngày ${formatDate(i.recognizedDate)}` : null].filter(Boolean);
  return parts.join(' ');
}

/** The drawer recording a new initiative, or correcting one. */
function InitiativeDrawer({ unit, editing, onClose }: { unit: MyUnit; editing: { initiative: UnitInitiative | null } | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [alert, setAlert] = useState<string | null>(null);
  const open = !!editing;
  const options = useQuery(UnitInitiativeOptionsQuery, { skip: !open });
  const [create, { loading: creating }] = useMutation(CreateInitiativeMutation, { refetchQueries: [UnitInitiativesQuery] });
  const [update, { loading: updating }] = useMutation(UpdateInitiativeMutation, { refetchQueries: [UnitInitiativesQuery] });
  // Authors are people of the unit itself (the graph refuses others for a unit officer).
  const people = (options.data?.people ?? []).filter((p) => p.unit?.id === unit.id).sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi'));
  const current = editing?.initiative ?? null;

  // Before the dialog paints: a reset after it showed could wipe what the user had already typed.
  useLayoutEffect(() => {
    if (!editing) return;
    form.resetFields();
    const i = editing.initiative;
    if (i)
      form.setFieldsValue({
        title: i.title,
        field: i.field,
        authorIds: i.authors.map((a) => a.id),
        recognitionLevel: i.recognitionLevel,
        recognizedDate: i.recognizedDate ? dayjs(i.recognizedDate) : null,
        decisionNumber: i.decisionNumber ?? '',
        campaignId: i.campaign?.id ?? null,
        replicated: i.replicated,
      });
  }, [editing, form]);

  const onFinish = async (v: Values) => {
    setAlert(null);
    const input = {
      title: v.title.trim(),
      field: v.field.trim(),
      authorIds: v.authorIds,
      unitId: unit.id,
      campaignId: v.campaignId ?? null,
      recognitionLevel: v.recognitionLevel,
      recognizedDate: v.recognizedDate ? v.recognizedDate.format('YYYY-MM-DD') : null,
      decisionNumber: v.decisionNumber?.trim() || null,
      replicated: v.replicated,
    };
    try {
      if (current) {
        await update({ variables: { id: current.id, expectedVersion: current.version, input } });
        message.success('Đã lưu sáng kiến.');
      } else {
        await create({ variables: { input } });
        message.success('Đã ghi nhận sáng kiến.');
      }
      onClose();
    } catch (err) {
      setAlert(applyServerErrors(form, err, { INITIATIVE_AUTHORS_REQUIRED: 'authorIds', FORBIDDEN_OTHER_UNIT: 'authorIds' }));
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      afterOpenChange={(o) => !o && setAlert(null)}
      size={640}
      title={current ? 'Sửa sáng kiến' : 'Ghi nhận sáng kiến, giải pháp'}
      destroyOnHidden
      extra={
        <Button type="primary" loading={creating || updating} onClick={() => form.submit()}>
          {current ? 'Lưu' : 'Ghi nhận'}
        </Button>
      }
    >
      <Form<Values> form={form} name="sangKien" layout="vertical" onFinish={onFinish} initialValues={{ recognitionLevel: 'UNIT', replicated: false, authorIds: [], campaignId: null }}>
        {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 16 }} />}
        <QueryErrors error={options.error} />
        <Form.Item name="title" label="Tên sáng kiến, giải pháp" rules={[{ required: true, whitespace: true, message: 'Nhập tên sáng kiến.' }, { max: 500, message: 'Tối đa 500 ký tự.' }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="field" label="Lĩnh vực áp dụng" rules={[{ required: true, whitespace: true, message: 'Nhập lĩnh vực áp dụng.' }, { max: 255, message: 'Tối đa 255 ký tự.' }]}>
          <Input placeholder="Ví dụ: Cải cách hành chính, dịch vụ công trực tuyến" />
        </Form.Item>
        <Form.Item
          name="authorIds"
          label="Tác giả"
          extra={
            <span>
              Cán bộ, công chức, người lao động của đơn vị. Chưa có trong danh sách? Ghi nhận ở trang <Link to="/don-vi-cua-toi/ca-nhan">Cá nhân của đơn vị</Link>.
            </span>
          }
          rules={[{ required: true, type: 'array', min: 1, message: 'Chọn ít nhất một tác giả.' }]}
        >
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            loading={options.loading}
            placeholder="Gõ tên để tìm"
            options={people.map((p) => ({ value: p.id, label: p.position ? `${p.fullName} — ${p.position}` : `${p.fullName} (${personKindLabels[p.kind].toLowerCase()})` }))}
          />
        </Form.Item>
        <Form.Item name="recognitionLevel" label="Cấp công nhận" rules={[{ required: true, message: 'Chọn cấp công nhận.' }]}>
          <Select style={{ width: 320 }} options={LEVELS.map((l) => ({ value: l, label: recognitionLevelLabels[l] }))} />
        </Form.Item>
        <Space wrap size="large" align="start">
          <Form.Item name="decisionNumber" label="Số quyết định công nhận" rules={[{ max: 64, message: 'Tối đa 64 ký tự.' }]}>
            <Input style={{ width: 240 }} placeholder="Ví dụ: 125/QĐ-UBND" />
          </Form.Item>
          <Form.Item name="recognizedDate" label="Ngày công nhận" rules={[{ validator: (_, d: Dayjs | null | undefined) => (d && d.isAfter(dayjs(), 'day') ? Promise.reject(new Error('Ngày công nhận không được sau hôm nay.')) : Promise.resolve()) }]}>
            <DatePicker format="DD/MM/YYYY" style={{ width: 200 }} />
          </Form.Item>
        </Space>
        <Form.Item name="campaignId" label="Thuộc phong trào thi đua">
          <Select allowClear placeholder="Không gắn với phong trào nào" loading={options.loading} options={(options.data?.campaigns ?? []).map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
        <Form.Item name="replicated" label="Đã được nhân rộng" valuePropName="checked">
          <Switch checkedChildren="Có" unCheckedChildren="Chưa" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

function Initiatives({ unit }: { unit: MyUnit }) {
  const { data, loading, error } = useQuery(UnitInitiativesQuery, { variables: { unitId: unit.id } });
  const [editing, setEditing] = useState<{ initiative: UnitInitiative | null } | null>(null);
  const rows = [...(data?.initiatives ?? [])].sort((a, b) => (b.recognizedDate ?? '').localeCompare(a.recognizedDate ?? '') || a.title.localeCompare(b.title, 'vi'));

  return (
    <>
      <UnitPageHeader
        title="Sáng kiến, giải pháp"
        unitName={unit.name}
        extra={
          <Space wrap>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ initiative: null })}>
              Ghi nhận sáng kiến
            </Button>
            <ExportButton<UnitInitiative>
              fileName={`sang-kien-${unit.code}`}
              sheetName="Sáng kiến"
              title={`Sáng kiến, giải pháp — ${unit.name}`}
              rows={rows}
              columns={[
                { header: 'Tên sáng kiến, giải pháp', value: (i) => i.title, width: 60 },
                { header: 'Tác giả', value: (i) => i.authors.map((a) => a.fullName).join('; '), width: 36 },
                { header: 'Lĩnh vực', value: (i) => i.field, width: 30 },
                { header: 'Cấp công nhận', value: (i) => recognitionLevelLabels[i.recognitionLevel], width: 26 },
                { header: 'Số quyết định', value: (i) => i.decisionNumber ?? '', width: 18 },
                { header: 'Ngày công nhận', value: (i) => formatDate(i.recognizedDate), width: 14 },
                { header: 'Nhân rộng', value: (i) => (i.replicated ? 'Đã nhân rộng' : 'Chưa'), width: 12 },
                { header: 'Phong trào', value: (i) => i.campaign?.name ?? '', width: 40 },
              ]}
            />
          </Space>
        }
      />
      <Typography.Paragraph type="secondary">
        Sáng kiến, giải pháp được công nhận của cán bộ, công chức, người lao động trong đơn vị; đề nghị khen thưởng cá nhân dẫn chứng từ danh sách này.
      </Typography.Paragraph>
      <QueryErrors error={error} />
      <Card size="small">
        <Table<UnitInitiative>
          rowKey="id"
          loading={loading}
          dataSource={rows}
          pagination={{ defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50, 100], hideOnSinglePage: true, showTotal: (n) => `${n} sáng kiến` }}
          locale={{ emptyText: <Empty description="Đơn vị chưa ghi nhận sáng kiến nào." /> }}
          columns={[
            {
              title: 'Sáng kiến, giải pháp',
              render: (_, i) => (
                <Space orientation="vertical" size={2}>
                  <span>{i.title}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    Lĩnh vực: {i.field}
                    {i.campaign ? ` — ${i.campaign.name}` : ''}
                  </Typography.Text>
                </Space>
              ),
            },
            { title: 'Tác giả', width: 220, render: (_, i) => i.authors.map((a) => a.fullName).join(', ') },
            {
              title: 'Công nhận',
              width: 260,
              render: (_, i) => (
                <Space orientation="vertical" size={2}>
                  <Tag color="blue">{recognitionLevelLabels[i.recognitionLevel]}</Tag>
                  {recognitionOf(i) && <Typography.Text type="secondary">{recognitionOf(i)}</Typography.Text>}
                </Space>
              ),
            },
            { title: 'Nhân rộng', width: 120, render: (_, i) => (i.replicated ? <Tag color="green">Đã nhân rộng</Tag> : <Tag>Chưa</Tag>) },
            {
              title: '',
              width: 90,
              render: (_, i) => (
                <Button size="small" icon={<EditOutlined />} aria-label={`Sửa sáng kiến ${i.title}`} onClick={() => setEditing({ initiative: i })}>
                  Sửa
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <InitiativeDrawer unit={unit} editing={editing} onClose={() => setEditing(null)} />
    </>
  );
}

/** /don-vi-cua-toi/sang-kien — the unit's initiatives (sáng kiến, giải pháp): the list, recording one, correcting it. */
export function InitiativesPage() {
  return <WithMyUnit>{(unit) => <Initiatives unit={unit} />}</WithMyUnit>;
}
