import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { Alert, App, Button, Col, DatePicker, Divider, Drawer, Form, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { OrgUnitKind } from '../../gql/graphql';
import { orgUnitKindLabels } from '../../i18n/labels';
import { applyServerErrors } from '../../lib/form-errors';
import { dayjs } from '../../lib/format';
import { useSession } from '../../lib/session';
import { UnitSelect } from '../accounts/unit-select';
import { CampaignAdminQuery, CampaignsAdminQuery, CreateCampaignMutation, UpdateCampaignMutation, type AdminCampaign } from './campaign-admin-data';

interface BasisValue {
  number?: string;
  date?: Dayjs | null;
  issuer?: string;
  title?: string;
}

interface Values {
  name: string;
  code: string;
  issuerTitle: string;
  docNumber?: string;
  docDate?: Dayjs | null;
  docIssuer?: string;
  docTitle?: string;
  legalBasis?: BasisValue[];
  jurisdictionId: string | null;
  startDate: Dayjs | null;
  endDate: Dayjs | null;
  leadAgencyId: string | null;
  appraisingAgencyId: string | null;
  expectedUnitKinds: OrgUnitKind[];
}

const KIND_OPTIONS = (Object.keys(orgUnitKindLabels) as OrgUnitKind[]).map((k) => ({ value: k, label: orgUnitKindLabels[k] }));
const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
const text = (s: string | undefined) => s?.trim() || null;

/** The server's input names that are not the form's. */
const FIELD_MAP: Record<string, string> = {
  CAMPAIGN_CODE_TAKEN: 'code',
  CAMPAIGN_DATES_INVALID: 'endDate',
  MILESTONE_OUTSIDE_CAMPAIGN: 'startDate',
  'input.document.number': 'docNumber',
  'patch.document.number': 'docNumber',
  'input.document.issuer': 'docIssuer',
  'patch.document.issuer': 'docIssuer',
};

function initialOf(c: AdminCampaign | undefined, ownUnit: string | null): Partial<Values> {
  if (!c) return { leadAgencyId: ownUnit, expectedUnitKinds: ['DEPARTMENT', 'MASS_ORGANISATION', 'WARD_PC', 'COMMUNE_PC'], startDate: null, endDate: null, legalBasis: [] };
  return {
    name: c.name,
    code: c.code,
    issuerTitle: c.issuerTitle,
    docNumber: c.document?.number,
    docDate: c.document?.date ? dayjs(c.document.date) : null,
    docIssuer: c.document?.issuer,
    docTitle: c.document?.title ?? undefined,
    legalBasis: c.legalBasis.map((b) => ({ number: b.number, date: b.date ? dayjs(b.date) : null, issuer: b.issuer, title: b.title ?? undefined })),
    jurisdictionId: c.jurisdiction.id,
    startDate: dayjs(c.startDate),
    endDate: dayjs(c.endDate),
    leadAgencyId: c.leadAgency.id,
    appraisingAgencyId: c.appraisingAgency.id,
    expectedUnitKinds: c.expectedUnitKinds,
  };
}

/** «Tạo phong trào» (no campaign) or «Sửa thông tin phong trào» (the campaign): its identity, legal basis, area and dates. */
export function CampaignFormDrawer({ open, onClose, campaign, onCreated }: { open: boolean; onClose: () => void; campaign?: AdminCampaign; onCreated?: (id: string) => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const { session } = useSession();
  const [alert, setAlert] = useState<string | null>(null);
  const [create, created] = useMutation(CreateCampaignMutation, { refetchQueries: [CampaignsAdminQuery] });
  const [update, updated] = useMutation(UpdateCampaignMutation, { refetchQueries: [CampaignsAdminQuery, CampaignAdminQuery] });
  const editing = !!campaign;

  const onFinish = async (v: Values) => {
    setAlert(null);
    const document = v.docNumber?.trim() ? { number: v.docNumber.trim(), date: day(v.docDate), issuer: v.docIssuer?.trim() ?? '', title: text(v.docTitle) } : null;
    const legalBasis = (v.legalBasis ?? [])
      .filter((b) => b.number?.trim())
      .map((b) => ({ number: b.number?.trim() ?? '', date: day(b.date), issuer: b.issuer?.trim() ?? '', title: text(b.title) }));
    const common = {
      name: v.name.trim(),
      issuerTitle: v.issuerTitle.trim(),
      document,
      legalBasis,
      startDate: day(v.startDate) ?? '',
      endDate: day(v.endDate) ?? '',
      leadAgencyId: v.leadAgencyId ?? '',
      appraisingAgencyId: v.appraisingAgencyId ?? '',
      expectedUnitKinds: v.expectedUnitKinds,
    };
    try {
      if (campaign) {
        await update({ variables: { id: campaign.id, expectedVersion: campaign.version, patch: common } });
        message.success('Đã lưu thông tin phong trào.');
        onClose();
      } else {
        const res = await create({ variables: { input: { ...common, code: v.code.trim(), jurisdictionId: v.jurisdictionId ?? '' } } });
        message.success('Đã tạo phong trào (dự thảo).');
        form.resetFields();
        onClose();
        if (res.data) onCreated?.(res.data.createCampaign.id);
      }
    } catch (err) {
      setAlert(applyServerErrors(form, err, FIELD_MAP));
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={760}
      title={editing ? 'Sửa thông tin phong trào' : 'Tạo phong trào thi đua'}
      destroyOnHidden
      extra={
        <Button type="primary" loading={created.loading || updated.loading} onClick={() => form.submit()}>
          {editing ? 'Lưu thông tin' : 'Tạo phong trào'}
        </Button>
      }
    >
      <Form<Values> form={form} name="phong-trao" layout="vertical" onFinish={onFinish} initialValues={initialOf(campaign, session?.account?.orgUnitId ?? null)}>
        {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 16 }} />}
        <Form.Item name="name" label="Tên phong trào" rules={[{ required: true, whitespace: true, message: 'Nhập tên phong trào.' }, { max: 500, message: 'Tối đa 500 ký tự.' }]}>
          <Input.TextArea rows={2} placeholder="Ví dụ: Phong trào thi đua «Chuyển đổi số» giai đoạn 2026 - 2030" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item
              name="code"
              label="Mã phong trào"
              extra="Dùng trong đường dẫn của trang công khai; không đổi được sau khi tạo."
              rules={[
                { required: true, whitespace: true, message: 'Nhập mã phong trào.' },
                { pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, message: 'Mã chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang (tối đa 64 ký tự).' },
              ]}
            >
              <Input disabled={editing} placeholder="Ví dụ: DN-CDS-2026-2030" />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name="issuerTitle" label="Cơ quan ban hành kế hoạch" rules={[{ required: true, whitespace: true, message: 'Nhập cơ quan ban hành.' }, { max: 255, message: 'Tối đa 255 ký tự.' }]}>
              <Input placeholder="Ví dụ: UBND thành phố Đà Nẵng" />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start">Văn bản phát động</Divider>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="docNumber" label="Số, ký hiệu" rules={[{ max: 64, message: 'Tối đa 64 ký tự.' }]}>
              <Input placeholder="Ví dụ: 120/KH-UBND" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="docDate" label="Ngày ban hành">
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item
              name="docIssuer"
              label="Nơi ban hành"
              dependencies={['docNumber']}
              rules={[({ getFieldValue }) => ({ validator: (_, v?: string) => (getFieldValue('docNumber')?.trim() && !v?.trim() ? Promise.reject(new Error('Nhập cơ quan ban hành văn bản.')) : Promise.resolve()) })]}
            >
              <Input placeholder="Ví dụ: UBND thành phố Đà Nẵng" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="docTitle" label="Trích yếu" rules={[{ max: 500, message: 'Tối đa 500 ký tự.' }]}>
          <Input />
        </Form.Item>
        <Divider titlePlacement="start">Căn cứ pháp lý</Divider>
        <Form.List name="legalBasis">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Row key={f.key} gutter={8} align="top">
                  <Col span={5}>
                    <Form.Item name={[f.name, 'number']} rules={[{ required: true, whitespace: true, message: 'Nhập số, ký hiệu.' }]}>
                      <Input aria-label="Số, ký hiệu căn cứ" placeholder="Số, ký hiệu" />
                    </Form.Item>
                  </Col>
                  <Col span={5}>
                    <Form.Item name={[f.name, 'date']}>
                      <DatePicker aria-label="Ngày ban hành căn cứ" format="DD/MM/YYYY" placeholder="Ngày ban hành" style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col span={6}>
                    <Form.Item name={[f.name, 'issuer']} rules={[{ required: true, whitespace: true, message: 'Nhập nơi ban hành.' }]}>
                      <Input aria-label="Nơi ban hành căn cứ" placeholder="Nơi ban hành" />
                    </Form.Item>
                  </Col>
                  <Col span={7}>
                    <Form.Item name={[f.name, 'title']}>
                      <Input aria-label="Trích yếu căn cứ" placeholder="Trích yếu" />
                    </Form.Item>
                  </Col>
                  <Col span={1} style={{ paddingTop: 6 }}>
                    <MinusCircleOutlined aria-label="Bỏ căn cứ này" onClick={() => remove(f.name)} />
                  </Col>
                </Row>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} style={{ marginBottom: 16 }}>
                Thêm căn cứ pháp lý
              </Button>
            </>
          )}
        </Form.List>
        <Divider titlePlacement="start">Phạm vi và thời gian</Divider>
        {editing ? (
          <Form.Item label="Địa bàn (cấp phát động)" extra="Địa bàn không đổi được sau khi tạo phong trào.">
            <Input disabled value={campaign?.jurisdiction.name} />
          </Form.Item>
        ) : (
          <Form.Item name="jurisdictionId" label="Địa bàn (cấp phát động)" rules={[{ required: true, message: 'Chọn địa bàn của phong trào.' }]}>
            <UnitSelect placeholder="Gõ tên tỉnh, thành phố, xã, phường" />
          </Form.Item>
        )}
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="startDate" label="Ngày bắt đầu" rules={[{ required: true, message: 'Chọn ngày bắt đầu.' }]}>
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="endDate"
              label="Ngày kết thúc"
              dependencies={['startDate']}
              rules={[
                { required: true, message: 'Chọn ngày kết thúc.' },
                ({ getFieldValue }) => ({
                  validator: (_, v: Dayjs | null) => {
                    const s = getFieldValue('startDate') as Dayjs | null;
                    return v && s && !v.isAfter(s, 'day') ? Promise.reject(new Error('Ngày kết thúc phải sau ngày bắt đầu.')) : Promise.resolve();
                  },
                }),
              ]}
            >
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="leadAgencyId" label="Cơ quan thường trực (chủ trì, theo dõi)" rules={[{ required: true, message: 'Chọn cơ quan thường trực.' }]}>
          <UnitSelect />
        </Form.Item>
        <Form.Item name="appraisingAgencyId" label="Cơ quan thẩm định hồ sơ khen thưởng (Nội vụ)" rules={[{ required: true, message: 'Chọn cơ quan thẩm định.' }]}>
          <UnitSelect />
        </Form.Item>
        <Form.Item name="expectedUnitKinds" label="Loại đơn vị bắt buộc tham gia" rules={[{ required: true, message: 'Chọn ít nhất một loại đơn vị.' }]}>
          <Select mode="multiple" options={KIND_OPTIONS} placeholder="Chọn loại đơn vị" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
