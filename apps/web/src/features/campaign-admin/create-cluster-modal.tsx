import { useMutation } from '@apollo/client/react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { applyServerErrors } from '../../lib/form-errors';
import { ClustersAdminQuery, CreateClusterMutation } from './campaign-admin-data';

interface Values {
  code: string;
  name: string;
  description?: string;
}

/** «Tạo cụm, khối thi đua»: its code, name and what it groups. */
export function CreateClusterModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [alert, setAlert] = useState<string | null>(null);
  const [create, { loading }] = useMutation(CreateClusterMutation, { refetchQueries: [ClustersAdminQuery] });

  const onFinish = async (v: Values) => {
    setAlert(null);
    try {
      await create({ variables: { code: v.code.trim(), name: v.name.trim(), description: v.description?.trim() || null } });
      message.success('Đã tạo cụm thi đua.');
      form.resetFields();
      onClose();
    } catch (err) {
      setAlert(applyServerErrors(form, err, { CLUSTER_CODE_TAKEN: 'code' }));
    }
  };

  return (
    <Modal open={open} title="Tạo cụm, khối thi đua" okText="Tạo cụm" cancelText="Hủy" confirmLoading={loading} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form<Values> form={form} name="cum-thi-dua" layout="vertical" onFinish={onFinish}>
        {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 16 }} />}
        <Form.Item name="name" label="Tên cụm, khối" rules={[{ required: true, whitespace: true, message: 'Nhập tên cụm, khối thi đua.' }, { max: 255, message: 'Tối đa 255 ký tự.' }]}>
          <Input placeholder="Ví dụ: Cụm thi đua các phường trung tâm" />
        </Form.Item>
        <Form.Item
          name="code"
          label="Mã cụm"
          rules={[
            { required: true, whitespace: true, message: 'Nhập mã cụm.' },
            { pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, message: 'Mã chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang (tối đa 64 ký tự).' },
          ]}
        >
          <Input placeholder="Ví dụ: CUM-PHUONG-TRUNG-TAM" />
        </Form.Item>
        <Form.Item name="description" label="Mô tả" rules={[{ max: 2000, message: 'Tối đa 2000 ký tự.' }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
