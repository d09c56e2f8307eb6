import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, DatePicker, Empty, Form, Input, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useLayoutEffect, useState } from 'react';
import { UnitPeopleQuery, UnitRecordPersonMutation, UnitUpdatePersonMutation, type UnitPerson } from '../../features/initiative/people-data';
import type { Gender, PersonKind } from '../../gql/graphql';
import { genderLabels, personKindLabels } from '../../i18n/labels';
import { ExportButton } from '../../layout/export-button';
import { QueryErrors } from '../../layout/query-state';
import { applyServerErrors } from '../../lib/form-errors';
import { dayjs, formatDate } from '../../lib/format';
import { UnitPageHeader } from './unit-page-header';
import { WithMyUnit, type MyUnit } from './use-my-unit';

/** Kinds of person who work in a unit; the others (citizens, business people, scientists, overseas Vietnamese) belong to none. */
const STAFF: PersonKind[] = ['CIVIL_SERVANT', 'PUBLIC_EMPLOYEE', 'WORKER'];
const KINDS = Object.keys(personKindLabels) as PersonKind[];

interface Values {
  fullName: string;
  kind: PersonKind;
  position?: string;
  email?: string;
  residence?: string;
  dateOfBirth?: Dayjs | null;
  gender?: Gender | null;
  homeTown?: string;
}

const trimOrNull = (s: string | undefined) => (s && s.trim() ? s.trim() : null);

/** Record a person of the unit (or one outside every unit it nominates), or correct one it recorded. */
function PersonModal({ unit, editing, onClose }: { unit: MyUnit; editing: { person: UnitPerson | null } | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [alert, setAlert] = useState<string | null>(null);
  const [create, { loading: creating }] = useMutation(UnitRecordPersonMutation, { refetchQueries: [UnitPeopleQuery, 'UnitInitiativeOptions'] });
  const [update, { loading: updating }] = useMutation(UnitUpdatePersonMutation, { refetchQueries: [UnitPeopleQuery, 'UnitInitiativeOptions'] });
  const person = editing?.person ?? null;
  const kind = Form.useWatch('kind', form);

  // Before the dialog paints: a reset after it showed could wipe what the user had already typed.
  useLayoutEffect(() => {
    if (!editing) return;
    form.resetFields();
    const p = editing.person;
    if (p)
      form.setFieldsValue({
        fullName: p.fullName,
        kind: p.kind,
        position: p.position ?? '',
        email: p.email ?? '',
        residence: p.residence ?? '',
        dateOfBirth: p.dateOfBirth ? dayjs(p.dateOfBirth) : null,
        gender: p.gender ?? null,
        homeTown: p.homeTown ?? '',
      });
  }, [editing, form]);

  const onFinish = async (v: Values) => {
    setAlert(null);
    const input = {
      fullName: v.fullName.trim(),
      kind: v.kind,
      // Staff belong to the unit; a person outside every unit stays recorded by it.
      unitId: STAFF.includes(v.kind) ? unit.id : null,
      position: trimOrNull(v.position),
      email: trimOrNull(v.email),
      residence: trimOrNull(v.residence),
      dateOfBirth: v.dateOfBirth ? v.dateOfBirth.format('YYYY-MM-DD') : null,
      gender: v.gender ?? null,
      homeTown: trimOrNull(v.homeTown),
    };
    try {
      if (person) {
        await update({ variables: { id: person.id, expectedVersion: person.version, input } });
        message.success(`Đã lưu thông tin của ${input.fullName}.`);
      } else {
        await create({ variables: { input } });
        message.success(`Đã ghi nhận ${input.fullName}.`);
      }
      onClose();
    } catch (err) {
      setAlert(applyServerErrors(form, err, { PERSON_UNIT_REQUIRED: 'kind', unitId: 'kind' }));
    }
  };

  return (
    <Modal
      open={!!editing}
      onCancel={onClose}
      afterClose={() => setAlert(null)}
      title={person ? 'Sửa thông tin cá nhân' : 'Ghi nhận cá nhân'}
      okText="Lưu"
      cancelText="Hủy"
      confirmLoading={creating || updating}
      onOk={() => form.submit()}
      destroyOnHidden
      width={680}
    >
      <Form<Values> form={form} name="caNhan" layout="vertical" onFinish={onFinish} initialValues={{ kind: 'CIVIL_SERVANT', gender: null }}>
        {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 16 }} />}
        <Form.Item name="fullName" label="Họ và tên" rules={[{ required: true, whitespace: true, message: 'Nhập họ và tên.' }, { max: 255, message: 'Tối đa 255 ký tự.' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="kind" label="Đối tượng" rules={[{ required: true, message: 'Chọn đối tượng.' }]}>
          <Select style={{ width: 320 }} options={KINDS.map((k) => ({ value: k, label: personKindLabels[k] }))} />
        </Form.Item>
        {kind && !STAFF.includes(kind) && (
          <Typography.Paragraph type="secondary">Người ngoài đơn vị: đơn vị ghi nhận để đề nghị khen thưởng và được xem, sửa thông tin này.</Typography.Paragraph>
        )}
        <Form.Item name="position" label={kind && STAFF.includes(kind) ? 'Chức vụ' : 'Chức vụ, nghề nghiệp'} rules={[{ max: 255, message: 'Tối đa 255 ký tự.' }]}>
          <Input />
        </Form.Item>
        <Space wrap size="large" align="start">
          <Form.Item name="dateOfBirth" label="Ngày sinh" rules={[{ validator: (_, d: Dayjs | null | undefined) => (d && (d.isAfter(dayjs(), 'day') || d.year() < 1900) ? Promise.reject(new Error('Ngày sinh phải từ năm 1900 đến hôm nay.')) : Promise.resolve()) }]}>
            <DatePicker format="DD/MM/YYYY" style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="gender" label="Giới tính">
            <Radio.Group options={[...(Object.keys(genderLabels) as Gender[]).map((g) => ({ value: g, label: genderLabels[g] })), { value: null, label: 'Không ghi' }]} />
          </Form.Item>
        </Space>
        <Form.Item name="homeTown" label="Quê quán" rules={[{ max: 255, message: 'Tối đa 255 ký tự.' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="residence" label="Nơi cư trú" rules={[{ max: 255, message: 'Tối đa 255 ký tự.' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="email" label="Thư điện tử" rules={[{ type: 'email', message: 'Thư điện tử chưa đúng dạng (ví dụ ten@donvi.gov.vn).' }]}>
          <Input style={{ width: 320 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function People({ unit }: { unit: MyUnit }) {
  const { data, loading, error } = useQuery(UnitPeopleQuery);
  const [editing, setEditing] = useState<{ person: UnitPerson | null } | null>(null);
  const [search, setSearch] = useState('');
  const all = [...(data?.people ?? [])].sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi'));
  const q = search.trim().toLocaleLowerCase('vi');
  const rows = q ? all.filter((p) => p.fullName.toLocaleLowerCase('vi').includes(q)) : all;

  return (
    <>
      <UnitPageHeader
        title="Cá nhân của đơn vị"
        unitName={unit.name}
        extra={
          <Space wrap>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ person: null })}>
              Ghi nhận cá nhân
            </Button>
            <ExportButton<UnitPerson>
              fileName={`ca-nhan-${unit.code}`}
              sheetName="Cá nhân"
              title={`Cá nhân do ${unit.name} ghi nhận`}
              rows={rows}
              columns={[
                { header: 'Họ và tên', value: (p) => p.fullName, width: 30 },
                { header: 'Đối tượng', value: (p) => personKindLabels[p.kind], width: 26 },
                { header: 'Chức vụ', value: (p) => p.position ?? '', width: 30 },
                { header: 'Ngày sinh', value: (p) => formatDate(p.dateOfBirth), width: 12 },
                { header: 'Giới tính', value: (p) => (p.gender ? genderLabels[p.gender] : ''), width: 10 },
                { header: 'Quê quán', value: (p) => p.homeTown ?? '', width: 30 },
                { header: 'Nơi cư trú', value: (p) => p.residence ?? '', width: 30 },
                { header: 'Thư điện tử', value: (p) => p.email ?? '', width: 30 },
                { header: 'Thuộc đơn vị', value: (p) => p.unit?.name ?? 'Ngoài đơn vị', width: 36 },
              ]}
            />
          </Space>
        }
      />
      <Typography.Paragraph type="secondary">
        Cán bộ, công chức, người lao động của đơn vị và những người ngoài đơn vị mà đơn vị đã ghi nhận để đề nghị khen thưởng. Sửa thông tin ở đây trước khi lập hồ sơ nếu có sai sót.
      </Typography.Paragraph>
      <QueryErrors error={error} />
      <Card size="small">
        <Input.Search allowClear placeholder="Tìm theo họ tên" style={{ maxWidth: 320, marginBottom: 12 }} value={search} onChange={(e) => setSearch(e.target.value)} aria-label="Tìm theo họ tên" />
        <Table<UnitPerson>
          rowKey="id"
          loading={loading}
          dataSource={rows}
          pagination={{ defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50, 100], hideOnSinglePage: true, showTotal: (n) => `${n} người` }}
          locale={{ emptyText: <Empty description={q ? 'Không có ai tên như vậy.' : 'Đơn vị chưa ghi nhận cá nhân nào.'} /> }}
          columns={[
            {
              title: 'Họ và tên',
              render: (_, p) => (
                <Space orientation="vertical" size={2}>
                  <span>{p.fullName}</span>
                  {p.position && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {p.position}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            { title: 'Đối tượng', width: 220, render: (_, p) => <Tag>{personKindLabels[p.kind]}</Tag> },
            {
              title: 'Ngày sinh, giới tính',
              width: 180,
              render: (_, p) => [p.dateOfBirth ? formatDate(p.dateOfBirth) : null, p.gender ? genderLabels[p.gender] : null].filter(Boolean).join(', ') || '—',
            },
            { title: 'Nơi cư trú', width: 220, render: (_, p) => p.residence ?? p.homeTown ?? '—' },
            {
              title: '',
              width: 90,
              render: (_, p) => (
                <Button size="small" icon={<EditOutlined />} aria-label={`Sửa thông tin ${p.fullName}`} onClick={() => setEditing({ person: p })}>
                  Sửa
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <PersonModal unit={unit} editing={editing} onClose={() => setEditing(null)} />
    </>
  );
}

/** /don-vi-cua-toi/ca-nhan — the people the unit recorded, to correct them before they are nominated or named authors. */
export function PeoplePage() {
  return <WithMyUnit>{(unit) => <People unit={unit} />}</WithMyUnit>;
}
