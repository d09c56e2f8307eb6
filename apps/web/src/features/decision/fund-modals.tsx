import { useMutation } from '@apollo/client/react';
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useLayoutEffect, useState } from 'react';
import type { Authority, CandidateKind, FormKind } from '../../gql/graphql';
import { authorityLabels, candidateKindLabels, formKindLabels } from '../../i18n/labels';
import { applyServerErrors } from '../../lib/form-errors';
import { dayjs } from '../../lib/format';
import type { AwardOccasion } from './award-campaign';
import { occasionLabel } from './award-campaign';
import { BonusRatesQuery, RewardFundsQuery, SetBaseSalaryMutation, SetBonusRateMutation, SetRewardFundMutation, type BonusRate, type LegalInstrument, type RewardFund } from './decision-data';

/** Amounts in đồng typed with dot thousands, as Vietnamese write them. */
export const dongFormatter = (v: number | string | undefined) => (v === undefined || v === '' ? '' : String(v).replace(/\B(?=(\d{3})+(?!\d))/g, '.'));
export const dongParser = (v: string | undefined): number => {
  const digits = (v ?? '').replace(/[^\d]/g, '');
  // Nothing typed stays empty (the form then asks for an amount) rather than becoming 0.
  return (digits === '' ? '' : Number(digits)) as number;
};

interface FundValues {
  year: number;
  occasionId?: string | null;
  amount: number | null;
  source: string;
}

/** Set (or change) the reward fund of a year or of an occasion. */
export function RewardFundModal({
  open,
  onClose,
  campaign,
  years,
  occasions,
  editing,
}: {
  open: boolean;
  onClose: () => void;
  campaign: { id: string; name: string };
  years: number[];
  occasions: AwardOccasion[];
  editing: RewardFund | null;
}) {
  const [form] = Form.useForm<FundValues>();
  const { message } = App.useApp();
  const [alert, setAlert] = useState<string | null>(null);
  const [save, { loading }] = useMutation(SetRewardFundMutation, { refetchQueries: [RewardFundsQuery] });
  const year = Form.useWatch('year', form);
  // Before the dialog paints (a layout effect): reset after it showed could wipe what a quick user had already chosen.
  useLayoutEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing) form.setFieldsValue({ year: editing.year, occasionId: editing.occasion?.id ?? null, amount: editing.amount, source: editing.source });
  }, [open, editing, form]);

  const onFinish = async (v: FundValues) => {
    setAlert(null);
    try {
      await save({
        variables: { campaignId: campaign.id, year: v.year, occasionId: v.occasionId ?? null, amount: v.amount ?? 0, source: v.source.trim(), expectedVersion: editing?.version ?? null },
      });
      message.success('Đã lưu quỹ khen thưởng.');
      onClose();
    } catch (err) {
      setAlert(applyServerErrors(form, err, { REWARD_FUND_OCCASION_INVALID: 'occasionId' }));
    }
  };

  return (
    <Modal
      open={open}
      onCancel={onClose}
      afterClose={() => setAlert(null)}
      title={editing ? 'Sửa quỹ khen thưởng' : 'Đặt quỹ khen thưởng'}
      okText="Lưu quỹ"
      cancelText="Hủy"
      confirmLoading={loading}
      onOk={() => form.submit()}
      destroyOnHidden
      width={620}
    >
      <Form<FundValues> form={form} layout="vertical" onFinish={onFinish} aria-label="Quỹ khen thưởng">
        {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 16 }} />}
        <Form.Item label="Phong trào">{campaign.name}</Form.Item>
        <Form.Item name="year" label="Năm" rules={[{ required: true, message: 'Chọn năm của quỹ.' }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} style={{ width: 160 }} disabled={!!editing} options={years.map((y) => ({ value: y, label: `Năm ${y}` }))} onChange={() => form.setFieldValue('occasionId', null)} />
        </Form.Item>
        <Form.Item name="occasionId" label="Đợt khen thưởng" extra="Để trống: quỹ của cả năm (tính cho các đợt trong năm không có quỹ riêng).">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            disabled={!!editing}
            placeholder="Cả năm"
            options={occasions.filter((o) => !year || o.year === year).map((o) => ({ value: o.id, label: occasionLabel(o) }))}
          />
        </Form.Item>
        <Form.Item
          name="amount"
          label="Số tiền của quỹ (đồng)"
          rules={[
            { required: true, message: 'Nhập số tiền của quỹ.' },
            { type: 'number', min: 0, message: 'Số tiền không được âm.' },
          ]}
        >
          <InputNumber<number> style={{ width: 260 }} min={0} step={1_000_000} formatter={dongFormatter} parser={dongParser} addonAfter="đồng" />
        </Form.Item>
        <Form.Item
          name="source"
          label="Nguồn kinh phí, căn cứ"
          rules={[
            { required: true, whitespace: true, message: 'Nhập nguồn kinh phí, căn cứ của quỹ.' },
            { max: 1000, message: 'Tối đa 1000 ký tự.' },
          ]}
        >
          <Input.TextArea rows={2} placeholder="Ví dụ: Quỹ thi đua, khen thưởng của thành phố (Kế hoạch phát động, mục V)" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface SalaryValues {
  validFrom: Dayjs | null;
  amount: number | null;
  legalBasis: string;
}

/** A base salary from a date, with the decree that sets it. */
export function BaseSalaryModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<SalaryValues>();
  const { message } = App.useApp();
  const [alert, setAlert] = useState<string | null>(null);
  const [save, { loading }] = useMutation(SetBaseSalaryMutation, { refetchQueries: [BonusRatesQuery] });
  const onFinish = async (v: SalaryValues) => {
    if (!v.validFrom) return;
    setAlert(null);
    try {
      await save({ variables: { validFrom: v.validFrom.format('YYYY-MM-DD'), amount: v.amount ?? 0, legalBasis: v.legalBasis.trim() } });
      message.success('Đã lưu mức lương cơ sở.');
      form.resetFields();
      onClose();
    } catch (err) {
      setAlert(applyServerErrors(form, err));
    }
  };
  return (
    <Modal open={open} onCancel={onClose}
      afterClose={() => setAlert(null)} title="Mức lương cơ sở" okText="Lưu" cancelText="Hủy" confirmLoading={loading} onOk={() => form.submit()} destroyOnHidden>
      <Form<SalaryValues> form={form} layout="vertical" onFinish={onFinish} initialValues={{ validFrom: null }}>
        {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 16 }} />}
        <Form.Item name="validFrom" label="Áp dụng từ ngày" rules={[{ required: true, message: 'Chọn ngày áp dụng.' }]}>
          <DatePicker format="DD/MM/YYYY" style={{ width: 200 }} disabledDate={(d) => d.isBefore(dayjs('2000-01-01'))} />
        </Form.Item>
        <Form.Item
          name="amount"
          label="Mức lương cơ sở (đồng/tháng)"
          rules={[
            { required: true, message: 'Nhập mức lương cơ sở.' },
            { type: 'number', min: 1, message: 'Mức lương cơ sở phải lớn hơn 0.' },
          ]}
        >
          <InputNumber<number> style={{ width: 240 }} min={0} step={10_000} formatter={dongFormatter} parser={dongParser} addonAfter="đồng" />
        </Form.Item>
        <Form.Item
          name="legalBasis"
          label="Căn cứ pháp lý"
          rules={[
            { required: true, whitespace: true, message: 'Nhập văn bản quy định mức lương cơ sở.' },
            { max: 500, message: 'Tối đa 500 ký tự.' },
          ]}
        >
          <Input placeholder="Ví dụ: Nghị định 73/2024/NĐ-CP" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface RateValues {
  instrumentCode: string;
  formKind: FormKind;
  authority: Authority;
  candidateKind: CandidateKind;
  multiplier: number | null;
  note?: string;
}

/** A bonus multiplier of a decree for a form, an authority and collectives or individuals (new, or changed). */
export function BonusRateModal({ open, onClose, editing, instruments }: { open: boolean; onClose: () => void; editing: BonusRate | null; instruments: LegalInstrument[] }) {
  const [form] = Form.useForm<RateValues>();
  const { message } = App.useApp();
  const [alert, setAlert] = useState<string | null>(null);
  const [save, { loading }] = useMutation(SetBonusRateMutation, { refetchQueries: [BonusRatesQuery] });
  // Before the dialog paints (a layout effect): reset after it showed could wipe what a quick user had already chosen.
  useLayoutEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing) form.setFieldsValue({ ...editing, note: editing.note ?? undefined });
  }, [open, editing, form]);
  const onFinish = async (v: RateValues) => {
    setAlert(null);
    try {
      await save({ variables: { instrumentCode: v.instrumentCode, formKind: v.formKind, authority: v.authority, candidateKind: v.candidateKind, multiplier: v.multiplier ?? 0, note: v.note?.trim() || null } });
      message.success('Đã lưu hệ số tiền thưởng.');
      onClose();
    } catch (err) {
      setAlert(applyServerErrors(form, err, { BONUS_RATE_INSTRUMENT_UNKNOWN: 'instrumentCode' }));
    }
  };
  const options = <T extends string>(labels: Record<T, string>) => (Object.entries(labels) as Array<[T, string]>).map(([value, label]) => ({ value, label }));
  return (
    <Modal open={open} onCancel={onClose}
      afterClose={() => setAlert(null)} title={editing ? 'Sửa hệ số tiền thưởng' : 'Thêm hệ số tiền thưởng'} okText="Lưu" cancelText="Hủy" confirmLoading={loading} onOk={() => form.submit()} destroyOnHidden width={620}>
      <Form<RateValues> form={form} layout="vertical" onFinish={onFinish}>
        {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 16 }} />}
        <Form.Item name="instrumentCode" label="Nghị định" rules={[{ required: true, message: 'Chọn nghị định quy định hệ số.' }]}>
          <Select disabled={!!editing} options={instruments.map((i) => ({ value: i.code, label: `${i.number}: ${i.title}` }))} placeholder="Chọn nghị định" />
        </Form.Item>
        <Form.Item name="formKind" label="Loại hình thức" rules={[{ required: true, message: 'Chọn loại hình thức.' }]}>
          <Select disabled={!!editing} options={options(formKindLabels)} />
        </Form.Item>
        <Form.Item name="authority" label="Cấp khen" rules={[{ required: true, message: 'Chọn cấp khen.' }]}>
          <Select disabled={!!editing} options={options(authorityLabels)} />
        </Form.Item>
        <Form.Item name="candidateKind" label="Đối tượng" rules={[{ required: true, message: 'Chọn tập thể hay cá nhân.' }]}>
          <Select disabled={!!editing} options={options(candidateKindLabels)} />
        </Form.Item>
        <Form.Item
          name="multiplier"
          label="Hệ số (lần mức lương cơ sở)"
          rules={[
            { required: true, message: 'Nhập hệ số.' },
            { type: 'number', min: 0, max: 100, message: 'Hệ số từ 0 đến 100.' },
          ]}
        >
          <InputNumber<number> style={{ width: 160 }} min={0} max={100} step={0.1} decimalSeparator="," />
        </Form.Item>
        <Form.Item name="note" label="Ghi chú (điều, khoản)" rules={[{ max: 500, message: 'Tối đa 500 ký tự.' }]}>
          <Input placeholder="Ví dụ: Điều 73 khoản 1" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
