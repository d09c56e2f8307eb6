import { KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Checkbox, Form, Input, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { createAccount, listAccounts, resetPassword, temporaryPassword, updateAccount, type Account } from '../../features/accounts/accounts-api';
import { UnitSelect } from '../../features/accounts/unit-select';
import { graphql } from '../../gql';
import { roleLabels, type RoleCode } from '../../i18n/labels';
import { ExportButton } from '../../layout/export-button';
import { RestError, toUserMessage } from '../../lib/errors';
import { applyServerErrors } from '../../lib/form-errors';
import { formatDateTime } from '../../lib/format';
import { useSession } from '../../lib/session';
import { AdminNav } from './admin-nav';

const UnitNames = graphql(`
  query AccountUnitNames($ids: [ID!]) {
    orgUnits(ids: $ids, first: 500, includeInactive: true) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

const ROLE_OPTIONS = (Object.keys(roleLabels) as RoleCode[]).map((r) => ({ value: r, label: roleLabels[r] }));

interface AccountForm {
  username: string;
  displayName: string;
  roles: RoleCode[];
  orgUnitId: string | null;
  email: string | null;
  password?: string;
  active?: boolean;
}

/** Roles whose account acts for a unit (the gateway requires one: ACCOUNT_UNIT_REQUIRED). */
const UNIT_BOUND: RoleCode[] = ['UNIT_OFFICER', 'LEAD_AGENCY', 'HOME_AFFAIRS', 'PROVINCE'];

function statusOf(a: Account): { label: string; color: string } {
  if (!a.active) return { label: 'Đã vô hiệu hóa', color: 'default' };
  if (a.lockedUntil && new Date(a.lockedUntil) > new Date()) return { label: `Tạm khóa đến ${formatDateTime(a.lockedUntil)}`, color: 'red' };
  if (a.mustChangePassword) return { label: 'Chờ đổi mật khẩu lần đầu', color: 'gold' };
  return { label: 'Đang hoạt động', color: 'green' };
}

/** The administrator's accounts: create, edit roles and unit, disable, reset a password. */
export function AccountsPage() {
  const { message } = App.useApp();
  const { session } = useSession();
  const [accounts, setAccounts] = useState<Account[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState<{ search: string; role?: RoleCode }>({ search: '' });
  const [editing, setEditing] = useState<Account | 'new' | null>(null);
  const [issued, setIssued] = useState<{ username: string; password: string } | null>(null);
  const [form] = Form.useForm<AccountForm>();
  const [saving, setSaving] = useState(false);
  const [formAlert, setFormAlert] = useState<string | null>(null);

  const reload = useCallback(
    (): Promise<Account[]> =>
      listAccounts({ search: filter.search || undefined, role: filter.role }).then(
        (list) => {
          setAccounts(list);
          setError(null);
          setLoading(false);
          return list;
        },
        (err: unknown) => {
          setError(toUserMessage(err));
          setLoading(false);
          return [];
        },
      ),
    [filter],
  );
  useEffect(() => {
    void reload();
  }, [reload]);

  const unitIds = [...new Set(accounts.map((a) => a.orgUnitId).filter((id): id is string => !!id))];
  const { data: unitData } = useQuery(UnitNames, { variables: { ids: unitIds }, skip: unitIds.length === 0 });
  const unitName = new Map((unitData?.orgUnits.edges ?? []).map((e) => [e.node.id, e.node.name]));
  const roles = Form.useWatch('roles', form) ?? [];

  const open = async (chosen: Account | 'new') => {
    setFormAlert(null);
    form.resetFields();
    // Edit what the account is now (its user may have changed their password since the list was read).
    const a = chosen === 'new' ? chosen : ((await reload()).find((x) => x.id === chosen.id) ?? chosen);
    if (a === 'new') form.setFieldsValue({ roles: [], orgUnitId: null, email: null, password: temporaryPassword() });
    else form.setFieldsValue({ username: a.username, displayName: a.displayName, roles: a.roles, orgUnitId: a.orgUnitId, email: a.email, active: a.active });
    setEditing(a);
  };

  const save = async (v: AccountForm) => {
    setSaving(true);
    setFormAlert(null);
    try {
      if (editing === 'new') {
        const password = v.password ?? '';
        await createAccount({ username: v.username.trim(), displayName: v.displayName.trim(), roles: v.roles, orgUnitId: v.orgUnitId, email: v.email || null, password });
        setIssued({ username: v.username.trim().toLowerCase(), password });
        message.success('Đã tạo tài khoản.');
      } else if (editing) {
        await updateAccount(editing.id, {
          expectedVersion: editing.version,
          displayName: v.displayName.trim(),
          roles: v.roles,
          orgUnitId: v.orgUnitId,
          email: v.email || null,
          active: v.active,
        });
        message.success('Đã lưu thay đổi.');
      }
      setEditing(null);
      await reload();
    } catch (err) {
      setFormAlert(applyServerErrors(form, err, { ACCOUNT_DUPLICATE: 'username', ACCOUNT_UNIT_REQUIRED: 'orgUnitId', PASSWORD_POLICY: 'password' }));
      // Someone else changed the account meanwhile: show the newer one, the message says to check and save again.
      if (err instanceof RestError && err.code === 'VERSION_CONFLICT') {
        await reload();
        setEditing(null);
        message.warning(toUserMessage(err));
      }
    } finally {
      setSaving(false);
    }
  };

  const reset = (a: Account) => {
    const password = temporaryPassword();
    Modal.confirm({
      title: `Đặt lại mật khẩu cho ${a.displayName}?`,
      content: 'Mật khẩu tạm thời mới sẽ được hiển thị một lần; người dùng phải đổi mật khẩu khi đăng nhập. Các phiên đăng nhập hiện tại của tài khoản sẽ kết thúc.',
      okText: 'Đặt lại',
      cancelText: 'Hủy',
      onOk: async () => {
        try {
          await resetPassword(a.id, password);
          setIssued({ username: a.username, password });
          await reload();
        } catch (err) {
          message.error(toUserMessage(err));
        }
      },
    });
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <AdminNav />
      <Typography.Title level={2} style={{ margin: 0 }}>
        Tài khoản người dùng
      </Typography.Title>
      <Card size="small">
        <Space wrap>
          <Input.Search
            aria-label="Tìm tài khoản"
            placeholder="Tìm theo tên đăng nhập hoặc họ tên"
            allowClear
            style={{ width: 320 }}
            onSearch={(search) => setFilter((f) => ({ ...f, search }))}
          />
          <Select
            aria-label="Vai trò"
            allowClear
            placeholder="Mọi vai trò"
            style={{ width: 300 }}
            options={ROLE_OPTIONS}
            value={filter.role}
            onChange={(role?: RoleCode) => setFilter((f) => ({ ...f, role }))}
          />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => void open('new')}>
            Tạo tài khoản
          </Button>
          <ExportButton<Account>
            fileName="tai-khoan"
            sheetName="Tài khoản"
            title="Danh sách tài khoản người dùng"
            rows={accounts}
            columns={[
              { header: 'Tên đăng nhập', value: (a) => a.username, width: 22 },
              { header: 'Họ và tên', value: (a) => a.displayName, width: 30 },
              { header: 'Vai trò', value: (a) => a.roles.map((r) => roleLabels[r]).join('; '), width: 40 },
              { header: 'Đơn vị', value: (a) => (a.orgUnitId ? (unitName.get(a.orgUnitId) ?? '') : ''), width: 36 },
              { header: 'Thư điện tử', value: (a) => a.email ?? '', width: 28 },
              { header: 'Tình trạng', value: (a) => statusOf(a).label, width: 26 },
            ]}
          />
        </Space>
      </Card>
      {error && <Alert type="error" showIcon title={error} />}
      {issued && (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setIssued(null) }}
          title={`Mật khẩu tạm thời của ${issued.username}: ${issued.password}`}
          description="Mật khẩu chỉ hiển thị lần này. Hãy chuyển cho người dùng qua kênh an toàn; họ phải đổi mật khẩu khi đăng nhập lần đầu."
        />
      )}
      <Table<Account>
        rowKey="id"
        loading={loading}
        dataSource={accounts}
        pagination={{ defaultPageSize: 50, showTotal: (n) => `${n} tài khoản` }}
        columns={[
          { title: 'Tên đăng nhập', dataIndex: 'username', width: 180 },
          { title: 'Họ và tên', dataIndex: 'displayName' },
          { title: 'Vai trò', render: (_, a) => a.roles.map((r) => <Tag key={r}>{roleLabels[r]}</Tag>) },
          { title: 'Đơn vị', render: (_, a) => (a.orgUnitId ? (unitName.get(a.orgUnitId) ?? '…') : '—') },
          {
            title: 'Tình trạng',
            width: 220,
            render: (_, a) => {
              const s = statusOf(a);
              return <Tag color={s.color}>{s.label}</Tag>;
            },
          },
          {
            title: '',
            width: 220,
            render: (_, a) => (
              <Space>
                <Button size="small" onClick={() => void open(a)}>
                  Sửa
                </Button>
                <Button size="small" icon={<KeyOutlined />} onClick={() => reset(a)}>
                  Đặt lại mật khẩu
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? 'Tạo tài khoản' : 'Sửa tài khoản'}
        okText={editing === 'new' ? 'Tạo tài khoản' : 'Lưu'}
        cancelText="Hủy"
        confirmLoading={saving}
        onOk={() => form.submit()}
        onCancel={() => setEditing(null)}
        destroyOnHidden
        forceRender
      >
        {formAlert && <Alert type="error" showIcon title={formAlert} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" onFinish={save}>
          <Form.Item
            name="username"
            label="Tên đăng nhập"
            rules={[
              { required: true, message: 'Nhập tên đăng nhập.' },
              { pattern: /^[A-Za-z0-9._-]{3,64}$/, message: 'Từ 3 đến 64 ký tự: chữ không dấu, số, dấu chấm, gạch dưới, gạch ngang.' },
            ]}
          >
            <Input disabled={editing !== 'new'} autoComplete="off" />
          </Form.Item>
          <Form.Item name="displayName" label="Họ và tên" rules={[{ required: true, whitespace: true, message: 'Nhập họ và tên.' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="roles" label="Vai trò" rules={[{ required: true, type: 'array', min: 1, message: 'Chọn ít nhất một vai trò.' }]}>
            <Checkbox.Group options={ROLE_OPTIONS} style={{ display: 'grid', gap: 4 }} />
          </Form.Item>
          <Form.Item
            name="orgUnitId"
            label="Đơn vị"
            extra="Bắt buộc với cán bộ đầu mối, cơ quan chủ trì, cơ quan nội vụ và tài khoản của tỉnh: cán bộ đầu mối chỉ thay đổi dữ liệu của đơn vị này; cơ quan chủ trì chỉ làm việc với các phong trào mà đơn vị này chủ trì."
            rules={[{ required: UNIT_BOUND.some((r) => roles.includes(r)), message: 'Chọn đơn vị mà tài khoản làm việc cho.' }]}
          >
            <UnitSelect />
          </Form.Item>
          <Form.Item name="email" label="Thư điện tử" rules={[{ type: 'email', message: 'Địa chỉ thư điện tử không hợp lệ.' }]}>
            <Input />
          </Form.Item>
          {editing === 'new' ? (
            <Form.Item
              name="password"
              label="Mật khẩu tạm thời"
              extra="Người dùng phải đổi mật khẩu khi đăng nhập lần đầu."
              rules={[
                { required: true, message: 'Nhập mật khẩu tạm thời.' },
                { min: 10, message: 'Mật khẩu cần ít nhất 10 ký tự.' },
              ]}
            >
              <Input />
            </Form.Item>
          ) : (
            <Form.Item name="active" label="Cho phép đăng nhập" valuePropName="checked">
              <Switch disabled={editing !== null && editing.id === session?.account?.id} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Space>
  );
}
