import { useMutation } from '@apollo/client/react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { applyServerErrors } from '../../lib/form-errors';
import { UpdateOrgUnitMutation } from './org-data';

interface Values {
  field: string;
  taxCode: string;
  email: string;
}

/** Nội vụ corrects a unit's field of activity, tax code and e-mail (the address reminders and overdue notices go to). */
export function UnitDetailsModal({
  unit,
  open,
  onClose,
}: {
  unit: { id: string; name: string; field?: string | null; taxCode?: string | null; email?: string | null; version: number };
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [problem, setProblem] = useState<string | null>(null);
  const [update, { loading }] = useMutation(UpdateOrgUnitMutation);

  const close = () => {
    setProblem(null);
    onClose();
  };

  const save = async () => {
    // Invalid boxes say why beside them; nothing is sent.
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setProblem(null);
    try {
      // An emptied box clears the value.
      await update({ variables: { id: unit.id, expectedVersion: unit.version, patch: { field: v.field.trim() || null, taxCode: v.taxCode.trim() || null, email: v.email.trim() || null } } });
      message.success(`Đã lưu thông tin của ${unit.name}.`);
      close();
    } catch (err) {
      setProblem(applyServerErrors(form, err));
    }
  };

  return (
    <Modal title={`Thông tin liên hệ: ${unit.name}`} open={open} onCancel={close} onOk={() => void save()} okText="Lưu" cancelText="Hủy" confirmLoading={loading} destroyOnHidden>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      {/* Mounted each time the dialog opens (destroyOnHidden): it starts from the unit's current values. */}
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ field: unit.field ?? '', taxCode: unit.taxCode ?? '', email: unit.email ?? '' }}>
        <Form.Item name="field" label="Lĩnh vực hoạt động" rules={[{ max: 255, message: 'Tối đa 255 ký tự.' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="taxCode" label="Mã số thuế" rules={[{ pattern: /^(\d{10}|\d{10}-\d{3}|\d{12})?$/, message: 'Mã số thuế gồm 10 chữ số, 10 chữ số kèm «-» và 3 chữ số, hoặc 12 chữ số.' }]}>
          <Input inputMode="numeric" />
        </Form.Item>
        <Form.Item
          name="email"
          label="Thư điện tử"
          extra="Nhắc việc, thông báo quá hạn hằng ngày được gửi đến địa chỉ này."
          rules={[{ type: 'email', message: 'Thư điện tử không đúng định dạng.' }]}
        >
          <Input inputMode="email" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
