import { PlusOutlined, DeleteOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Checkbox, DatePicker, Drawer, Empty, Form, Input, InputNumber, Space, Spin, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { applyServerErrors } from '../../lib/form-errors';
import { dayjs } from '../../lib/format';
import { listCouncilMemberAccounts, type CouncilMemberAccount } from '../accounts/accounts-api';
import { toUserMessage } from '../../lib/errors';
import { AppraisedNominationsQuery, candidateOf, CouncilSessionsQuery, OpenCouncilReviewMutation } from './council-data';

interface AccountRow {
  userId: string;
  name: string;
  chosen: boolean;
  position: string;
}

interface Values {
  name: string;
  meetingDate: Dayjs | null;
  place: string;
  passPercent: number | null;
  accountMembers: AccountRow[];
  paperMembers: Array<{ name: string; position: string }>;
  memberCount: number;
  nominationIds: string[];
}

/** The members the form would send: the chosen accounts, then the members voting on paper. */
function membersOf(v: Pick<Values, 'accountMembers' | 'paperMembers'>) {
  return [
    ...(v.accountMembers ?? [])
      .filter((m) => m?.chosen)
      .map((m) => ({
        name: m.name,
        position: (m.position ?? '').trim(),
        userId: m.userId,
      })),
    ...(v.paperMembers ?? [])
      .filter((m) => m && (m.name ?? '').trim())
      .map((m) => ({
        name: m.name.trim(),
        position: (m.position ?? '').trim(),
      })),
  ];
}

/**
 * «Triệu tập phiên họp»: name, date, place, the pass threshold, the members (accounts holding the council role, with
 * their position in the council, and members without an account who vote on paper) and the agenda, chosen among the
 * occasion's appraised nominations. Checked as it is typed; the server's refusal beside the field it concerns.
 */
export function ConveneDrawer(props: { open: boolean; onClose: () => void; campaignId: string; occasion: { id: string; name: string } }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [alert, setAlert] = useState<string | null>(null);
  const [accounts, setAccounts] = useState<CouncilMemberAccount[] | null>(null);
  const [accountsError, setAccountsError] = useState<string | null>(null);
  const nominations = useQuery(AppraisedNominationsQuery, {
    variables: { campaignId: props.campaignId, occasionId: props.occasion.id },
    skip: !props.open,
    fetchPolicy: 'cache-and-network',
  });
  const [open, { loading }] = useMutation(OpenCouncilReviewMutation, {
    refetchQueries: [CouncilSessionsQuery, AppraisedNominationsQuery],
  });

  useEffect(() => {
    if (!props.open) return;
    let live = true;
    listCouncilMemberAccounts().then(
      (list) => {
        if (!live) return;
        setAccountsError(null);
        setAccounts(list);
      },
      (err: unknown) => {
        if (!live) return;
        setAccountsError(toUserMessage(err));
        setAccounts([]);
      },
    );
    return () => {
      live = false;
    };
  }, [props.open]);

  const onFinish = async (v: Values) => {
    if (!v.meetingDate || v.passPercent === null) return;
    setAlert(null);
    try {
      const r = await open({
        variables: {
          input: {
            occasionId: props.occasion.id,
            name: v.name.trim(),
            meetingDate: v.meetingDate.format('YYYY-MM-DD'),
            place: v.place.trim(),
            passPercent: v.passPercent,
            // The accounts' names and ids are not inputs of the form: read them from its whole store.
            members: membersOf(form.getFieldsValue(true) as Values),
            nominationIds: v.nominationIds,
          },
        },
      });
      message.success('Đã triệu tập phiên họp Hội đồng.');
      props.onClose();
      if (r.data) navigate(`/khen-thuong/hoi-dong/${r.data.openCouncilReview.id}`);
    } catch (err) {
      setAlert(
        applyServerErrors(form, err, {
          COUNCIL_MEMBERS_INVALID: 'memberCount',
          members: 'memberCount',
          COUNCIL_NOMINATIONS_INVALID: 'nominationIds',
          COUNCIL_CONSULTATION_PENDING: 'nominationIds',
          CONSULTATION_PENDING: 'nominationIds',
        }),
      );
    }
  };

  const list = nominations.data?.nominations ?? [];
  return (
    <Drawer
      open={props.open}
      onClose={props.onClose}
      size={720}
      title={`Triệu tập phiên họp Hội đồng: ${props.occasion.name}`}
      destroyOnHidden
      extra={
        <Button type="primary" loading={loading} disabled={!accounts} onClick={() => form.submit()}>
          Triệu tập
        </Button>
      }
    >
      {!accounts && <Spin />}
      {accounts && (
        <Form<Values>
          form={form}
          layout="vertical"
          name="trieu-tap"
          aria-label="Triệu tập phiên họp"
          onFinish={onFinish}
          initialValues={{
            name: 'Hội đồng Thi đua - Khen thưởng',
            meetingDate: dayjs(),
            place: '',
            passPercent: 50,
            accountMembers: accounts.map((a) => ({
              userId: a.id,
              name: a.displayName,
              chosen: false,
              position: '',
            })),
            paperMembers: [],
            memberCount: 0,
            nominationIds: [],
          }}
        >
          {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 16 }} />}
          <Form.Item
            name="name"
            label="Tên Hội đồng"
            rules={[
              {
                required: true,
                whitespace: true,
                message: 'Nhập tên Hội đồng.',
              },
              { max: 255, message: 'Tối đa 255 ký tự.' },
            ]}
          >
            <Input />
          </Form.Item>
          <Space wrap align="start" size="large">
            <Form.Item name="meetingDate" label="Ngày họp" rules={[{ required: true, message: 'Chọn ngày họp.' }]}>
              <DatePicker format="DD/MM/YYYY" style={{ width: 180 }} />
            </Form.Item>
            <Form.Item
              name="passPercent"
              label="Ngưỡng thông qua (% số thành viên được biểu quyết đồng ý)"
              rules={[
                { required: true, message: 'Nhập ngưỡng thông qua.' },
                {
                  type: 'integer',
                  min: 1,
                  max: 100,
                  message: 'Ngưỡng là số nguyên từ 1 đến 100.',
                },
              ]}
            >
              <InputNumber precision={0} suffix="%" style={{ width: 160 }} />
            </Form.Item>
          </Space>
          <Form.Item
            name="place"
            label="Địa điểm"
            rules={[
              {
                required: true,
                whitespace: true,
                message: 'Nhập địa điểm họp.',
              },
              { max: 255, message: 'Tối đa 255 ký tự.' },
            ]}
          >
            <Input placeholder="Ví dụ: Phòng họp số 1, UBND thành phố" />
          </Form.Item>

          <Typography.Title level={5}>Thành viên có tài khoản (tự bỏ phiếu trên hệ thống)</Typography.Title>
          {accountsError && <Alert type="error" showIcon title={accountsError} style={{ marginBottom: 12 }} />}
          {!accounts.length && !accountsError && <Empty description="Chưa có tài khoản nào giữ vai trò thành viên Hội đồng; quản trị hệ thống cấp tài khoản, hoặc thêm thành viên bỏ phiếu giấy." />}
          <Form.List name="accountMembers">
            {(fields) =>
              fields.map((field) => {
                const row = form.getFieldValue(['accountMembers', field.name]) as AccountRow | undefined;
                return (
                  <Space key={field.key} align="start" wrap style={{ width: '100%' }}>
                    <Form.Item name={[field.name, 'chosen']} valuePropName="checked" style={{ minWidth: 260, marginBottom: 8 }}>
                      <Checkbox>{row?.name}</Checkbox>
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'position']}
                      dependencies={[['accountMembers', field.name, 'chosen']]}
                      style={{ minWidth: 280, marginBottom: 8 }}
                      rules={[
                        ({ getFieldValue }) => ({
                          validator: (_, value: string) =>
                            getFieldValue(['accountMembers', field.name, 'chosen']) && !(value ?? '').trim() ? Promise.reject(new Error('Nhập chức vụ trong Hội đồng.')) : Promise.resolve(),
                        }),
                        { max: 255, message: 'Tối đa 255 ký tự.' },
                      ]}
                    >
                      <Input aria-label={`Chức vụ của ${row?.name ?? ''}`} placeholder="Chức vụ: Chủ tịch Hội đồng, Ủy viên…" style={{ width: 280 }} />
                    </Form.Item>
                  </Space>
                );
              })
            }
          </Form.List>

          <Typography.Title level={5}>Thành viên không có tài khoản (thư ký ghi phiếu giấy)</Typography.Title>
          <Form.List name="paperMembers">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, i) => (
                  <Space key={field.key} align="start" wrap style={{ width: '100%' }}>
                    <Form.Item
                      name={[field.name, 'name']}
                      style={{ marginBottom: 8 }}
                      rules={[
                        {
                          required: true,
                          whitespace: true,
                          message: 'Nhập họ và tên.',
                        },
                        { max: 255, message: 'Tối đa 255 ký tự.' },
                      ]}
                    >
                      <Input aria-label={`Họ và tên thành viên bỏ phiếu giấy ${i + 1}`} placeholder="Họ và tên" style={{ width: 260 }} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'position']}
                      style={{ marginBottom: 8 }}
                      rules={[
                        {
                          required: true,
                          whitespace: true,
                          message: 'Nhập chức vụ trong Hội đồng.',
                        },
                        { max: 255, message: 'Tối đa 255 ký tự.' },
                      ]}
                    >
                      <Input aria-label={`Chức vụ của thành viên bỏ phiếu giấy ${i + 1}`} placeholder="Chức vụ: Ủy viên, Thư ký…" style={{ width: 280 }} />
                    </Form.Item>
                    <Button type="text" icon={<DeleteOutlined />} aria-label={`Bỏ thành viên bỏ phiếu giấy ${i + 1}`} onClick={() => remove(field.name)} />
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ name: '', position: '' })} style={{ marginBottom: 12 }}>
                  Thêm thành viên bỏ phiếu giấy
                </Button>
              </>
            )}
          </Form.List>
          <Form.Item
            name="memberCount"
            dependencies={['accountMembers', 'paperMembers']}
            rules={[
              ({ getFieldsValue }) => ({
                validator: () => {
                  const members = membersOf(getFieldsValue(true) as Values);
                  const names = members.map((m) => m.name.toLocaleLowerCase('vi'));
                  if (members.length < 3) return Promise.reject(new Error('Hội đồng phải có ít nhất 3 thành viên.'));
                  if (new Set(names).size !== names.length) return Promise.reject(new Error('Mỗi thành viên chỉ ghi một lần (có hai thành viên trùng họ tên).'));
                  return Promise.resolve();
                },
              }),
            ]}
          >
            <MemberCount />
          </Form.Item>

          <Typography.Title level={5}>Nội dung: các đề nghị đã thẩm định của đợt</Typography.Title>
          {nominations.loading && !list.length && <Spin />}
          {!nominations.loading && !list.length && <Empty description="Đợt này chưa có đề nghị nào đã thẩm định đang chờ Hội đồng xét." />}
          <Form.Item
            name="nominationIds"
            rules={[
              {
                type: 'array',
                required: true,
                min: 1,
                message: 'Chọn ít nhất một đề nghị đưa ra Hội đồng.',
              },
            ]}
          >
            <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
              {list.map((n) => (
                <Checkbox key={n.id} value={n.id}>
                  <Typography.Text strong>{candidateOf(n)}</Typography.Text>
                  {n.candidatePerson?.position ? <Typography.Text type="secondary"> ({n.candidatePerson.position})</Typography.Text> : null}
                  <div>
                    <Typography.Text type="secondary">
                      {n.form.name}; đơn vị đề nghị: {n.proposingUnit.name}
                    </Typography.Text>
                  </div>
                </Checkbox>
              ))}
            </Checkbox.Group>
          </Form.Item>
        </Form>
      )}
    </Drawer>
  );
}

/** How many members the session would have (the form's value is computed, not typed). */
function MemberCount() {
  const form = Form.useFormInstance<Values>();
  const accountMembers = (Form.useWatch('accountMembers', { form, preserve: true }) as AccountRow[] | undefined) ?? [];
  const paperMembers = (Form.useWatch('paperMembers', { form, preserve: true }) as Values['paperMembers'] | undefined) ?? [];
  const n = membersOf({ accountMembers, paperMembers }).length;
  // The count is computed, not typed: once it has been refused, check it again as members are chosen or added.
  useEffect(() => {
    if (form.getFieldError('memberCount').length) form.validateFields(['memberCount']).catch(() => undefined);
  }, [n, form]);
  return <Typography.Text type="secondary">Hội đồng gồm {n} thành viên (ít nhất 3).</Typography.Text>;
}
