import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { Alert, App, Button, Col, DatePicker, Divider, Form, Input, Modal, Radio, Row, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useLayoutEffect, useState } from 'react';
import type { OrgUnitKind } from '../../gql/graphql';
import { orgUnitKindLabels } from '../../i18n/labels';
import { applyServerErrors } from '../../lib/form-errors';
import { dayjs } from '../../lib/format';
import {
  CreateOrgUnitMutation,
  DissolveOrgUnitMutation,
  MergeOrgUnitsMutation,
  MoveOrgUnitMutation,
  OrgUnitQuery,
  OrgUnitsQuery,
  RenameOrgUnitMutation,
  SplitOrgUnitMutation,
  codeFromName,
  type OrgUnitRow,
} from './org-data';

export type OrgChangeKind = 'create' | 'rename' | 'move' | 'merge' | 'split' | 'dissolve';

const TITLES: Record<OrgChangeKind, string> = {
  create: 'Thành lập đơn vị',
  rename: 'Đổi tên đơn vị',
  move: 'Chuyển đơn vị trực thuộc',
  merge: 'Sáp nhập đơn vị',
  split: 'Chia tách đơn vị',
  dissolve: 'Giải thể đơn vị',
};

const OK: Record<OrgChangeKind, string> = {
  create: 'Thành lập',
  rename: 'Đổi tên',
  move: 'Chuyển trực thuộc',
  merge: 'Sáp nhập',
  split: 'Chia tách',
  dissolve: 'Giải thể',
};

interface NewUnitValues {
  name: string;
  kind: OrgUnitKind;
  code: string;
}

interface Values {
  unitId?: string;
  unitIds?: string[];
  name?: string;
  kind?: OrgUnitKind;
  code?: string;
  parentId?: string;
  target?: 'new' | 'existing';
  intoUnitId?: string;
  into?: NewUnitValues[];
  transferChildrenTo?: string;
  successorId?: string;
  note?: string;
  effectiveDate: Dayjs | null;
  basisNumber: string;
  basisDate: Dayjs | null;
  basisIssuer: string;
  basisTitle?: string;
}

/** Where the server's refusals go in the form. */
const FIELD_MAP: Record<string, string> = {
  'basis.number': 'basisNumber',
  'input.basis.number': 'basisNumber',
  'basis.date': 'basisDate',
  'input.basis.date': 'basisDate',
  'basis.issuer': 'basisIssuer',
  'input.basis.issuer': 'basisIssuer',
  'basis.title': 'basisTitle',
  'input.basis.title': 'basisTitle',
  'newUnit.name': 'name',
  'newUnit.code': 'code',
  'newUnit.kind': 'kind',
  validFrom: 'effectiveDate',
  ORG_UNIT_CHANGE_IN_FUTURE: 'effectiveDate',
  ORG_UNIT_CHANGE_DATE_INVALID: 'effectiveDate',
  ORG_UNIT_INACTIVE: 'effectiveDate',
  ORG_UNIT_NAME_TAKEN: 'name',
  ORG_UNIT_CODE_TAKEN: 'code',
  ORG_UNIT_PARENT_INVALID: 'parentId',
  ORG_UNIT_SUCCESSOR_INVALID: 'successorId',
  ORG_UNIT_HAS_ACTIVE_CHILDREN: 'transferChildrenTo',
  ORG_UNIT_MERGE_INVALID: 'unitIds',
  ORG_UNIT_SPLIT_INVALID: 'unitId',
};

const KIND_OPTIONS = (Object.entries(orgUnitKindLabels) as Array<[OrgUnitKind, string]>).map(([value, label]) => ({ value, label }));
const required = (message: string) => [{ required: true, whitespace: true, message }];

/** The fields of a new unit: name (the code follows it unless changed), kind, code. */
function NewUnitFields({ prefix, onNameChange }: { prefix?: number; onNameChange?: (name: string) => void }) {
  const n = (f: string) => (prefix === undefined ? f : [prefix, f]);
  return (
    <Row gutter={12}>
      <Col xs={24}>
        <Form.Item name={n('name')} label="Tên đơn vị" rules={[...required('Nhập tên đơn vị.'), { max: 255, message: 'Tối đa 255 ký tự.' }]}>
          <Input placeholder="Ví dụ: UBND phường Tân An" onChange={(e) => onNameChange?.(e.target.value)} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={n('kind')} label="Loại đơn vị" rules={[{ required: true, message: 'Chọn loại đơn vị.' }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={KIND_OPTIONS} placeholder="Chọn loại" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name={n('code')}
          label="Mã đơn vị"
          tooltip="Mã dùng trong tệp nhập điểm, danh bạ; tự đặt theo tên, sửa được."
          rules={[...required('Nhập mã đơn vị.'), { pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, message: 'Mã chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang (tối đa 64 ký tự).' }]}
        >
          <Input />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** A change of the org structure with its legal basis and effective date: create, rename, move, merge, split, dissolve. */
export function OrgChangeModal({
  kind,
  unit,
  units,
  onClose,
  onDone,
}: {
  kind: OrgChangeKind | null;
  /** The unit the change is about (rename, move, split, dissolve; the first of a merge; the parent of a new unit). */
  unit: OrgUnitRow | null;
  /** The units existing on the day viewed, to choose from. */
  units: OrgUnitRow[];
  onClose: () => void;
  onDone?: (result: { kind: OrgChangeKind; unitId?: string }) => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [alert, setAlert] = useState<string | null>(null);
  const refetchQueries = [OrgUnitsQuery, OrgUnitQuery];
  const [create, c1] = useMutation(CreateOrgUnitMutation, { refetchQueries });
  const [rename, c2] = useMutation(RenameOrgUnitMutation, { refetchQueries });
  const [move, c3] = useMutation(MoveOrgUnitMutation, { refetchQueries });
  const [merge, c4] = useMutation(MergeOrgUnitsMutation, { refetchQueries });
  const [split, c5] = useMutation(SplitOrgUnitMutation, { refetchQueries });
  const [dissolve, c6] = useMutation(DissolveOrgUnitMutation, { refetchQueries });
  const loading = c1.loading || c2.loading || c3.loading || c4.loading || c5.loading || c6.loading;
  const target = Form.useWatch('target', form);
  const [codeTouched, setCodeTouched] = useState(false);

  // Before the dialog paints (a layout effect), and once per opening: keyed by the unit's id, not by the object, which the
  // page rebuilds on every render (a reset then wiped what the user had typed when the units' list arrived).
  useLayoutEffect(() => {
    if (!kind) return;
    form.resetFields();
    form.setFieldsValue({
      effectiveDate: dayjs(),
      unitId: kind === 'create' ? undefined : unit?.id,
      unitIds: kind === 'merge' && unit ? [unit.id] : undefined,
      parentId: kind === 'create' ? unit?.id : undefined,
      name: kind === 'rename' ? unit?.name : undefined,
      target: 'new',
      into: kind === 'split' ? [{} as NewUnitValues, {} as NewUnitValues] : undefined,
    });
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the unit's id and name are what the form starts from
  }, [kind, unit?.id, form]);

  const options = [...units].sort((a, b) => a.name.localeCompare(b.name, 'vi')).map((u) => ({ value: u.id, label: u.name, title: orgUnitKindLabels[u.kind] }));
  const unitName = (id?: string) => units.find((u) => u.id === id)?.name;

  const onFinish = async (v: Values) => {
    if (!kind || !v.effectiveDate) return;
    setAlert(null);
    const effectiveDate = v.effectiveDate.format('YYYY-MM-DD');
    const basis = { number: v.basisNumber.trim(), date: v.basisDate ? v.basisDate.format('YYYY-MM-DD') : null, issuer: v.basisIssuer.trim(), title: v.basisTitle?.trim() || null };
    const newUnit = () => ({ name: (v.name ?? '').trim(), kind: v.kind as OrgUnitKind, code: (v.code ?? '').trim() });
    try {
      let unitId: string | undefined;
      if (kind === 'create') {
        const r = await create({ variables: { input: { ...newUnit(), parentId: v.parentId ?? null, validFrom: effectiveDate, basis } } });
        unitId = r.data?.createOrgUnit.id;
      } else if (kind === 'rename') {
        const r = await rename({ variables: { id: v.unitId as string, name: (v.name ?? '').trim(), effectiveDate, basis } });
        unitId = r.data?.renameOrgUnit.id;
      } else if (kind === 'move') {
        const r = await move({ variables: { id: v.unitId as string, parentId: v.parentId as string, effectiveDate, basis } });
        unitId = r.data?.moveOrgUnit.id;
      } else if (kind === 'merge') {
        const r = await merge({
          variables: {
            input: {
              unitIds: v.unitIds ?? [],
              intoUnitId: v.target === 'existing' ? v.intoUnitId : null,
              // No parent chosen: the field is left out, so the new unit sits where the first merged one did.
              newUnit: v.target === 'new' ? { ...newUnit(), ...(v.parentId ? { parentId: v.parentId } : {}) } : null,
              effectiveDate,
              basis,
              note: v.note?.trim() || null,
            },
          },
        });
        unitId = r.data?.mergeOrgUnits.successors[0]?.id;
      } else if (kind === 'split') {
        const r = await split({
          variables: { input: { unitId: v.unitId as string, into: (v.into ?? []).map((u) => ({ name: u.name.trim(), kind: u.kind, code: u.code.trim() })), effectiveDate, basis, note: v.note?.trim() || null } },
        });
        unitId = r.data?.splitOrgUnit.successors[0]?.id;
      } else {
        await dissolve({
          variables: { id: v.unitId as string, effectiveDate, basis, transferChildrenTo: v.transferChildrenTo ?? null, successorId: v.successorId ?? null, note: v.note?.trim() || null },
        });
        unitId = v.unitId;
      }
      message.success(`Đã ghi việc ${OK[kind].toLowerCase()}.`);
      onDone?.({ kind, unitId });
      onClose();
    } catch (err) {
      setAlert(applyServerErrors(form, err, FIELD_MAP));
    }
  };

  const followName = (name: string) => {
    if (!codeTouched) form.setFieldValue('code', codeFromName(name));
  };

  return (
    <Modal
      open={!!kind}
      onCancel={onClose}
      afterClose={() => {
        setAlert(null);
        setCodeTouched(false);
      }}
      title={kind ? TITLES[kind] : ''}
      okText={kind ? OK[kind] : 'Lưu'}
      cancelText="Hủy"
      confirmLoading={loading}
      onOk={() => form.submit()}
      destroyOnHidden
      width={820}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        aria-label={kind ? TITLES[kind] : undefined}
        onValuesChange={(changed) => {
          if ('code' in changed) setCodeTouched(true);
        }}
      >
        {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 16 }} />}

        {kind === 'create' && (
          <>
            <NewUnitFields onNameChange={followName} />
            <Form.Item name="parentId" label="Trực thuộc">
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={options} placeholder="Không trực thuộc đơn vị nào" />
            </Form.Item>
          </>
        )}

        {(kind === 'rename' || kind === 'move' || kind === 'split' || kind === 'dissolve') && (
          <Form.Item name="unitId" label="Đơn vị" rules={[{ required: true, message: 'Chọn đơn vị.' }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={options} placeholder="Gõ tên đơn vị để tìm" />
          </Form.Item>
        )}

        {kind === 'rename' && (
          <Form.Item name="name" label="Tên mới" rules={[...required('Nhập tên mới của đơn vị.'), { max: 255, message: 'Tối đa 255 ký tự.' }]}>
            <Input />
          </Form.Item>
        )}

        {kind === 'move' && (
          <Form.Item name="parentId" label="Đơn vị cấp trên mới" rules={[{ required: true, message: 'Chọn đơn vị cấp trên mới.' }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={options} placeholder="Gõ tên đơn vị để tìm" />
          </Form.Item>
        )}

        {kind === 'merge' && (
          <>
            <Form.Item
              name="unitIds"
              label="Các đơn vị sáp nhập"
              rules={[{ required: true, type: 'array', min: 1, message: 'Chọn các đơn vị được sáp nhập.' }]}
            >
              <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={options} placeholder="Gõ tên đơn vị để tìm" />
            </Form.Item>
            <Form.Item name="target" label="Sáp nhập thành">
              <Radio.Group
                options={[
                  { value: 'new', label: 'Đơn vị mới' },
                  { value: 'existing', label: 'Vào một đơn vị đã có' },
                ]}
              />
            </Form.Item>
            {target === 'existing' ? (
              <Form.Item
                name="intoUnitId"
                label="Đơn vị tiếp nhận"
                dependencies={['unitIds']}
                rules={[
                  { required: true, message: 'Chọn đơn vị tiếp nhận.' },
                  ({ getFieldValue }) => ({
                    validator: (_, v) => ((getFieldValue('unitIds') as string[] | undefined)?.includes(v) ? Promise.reject(new Error('Đơn vị tiếp nhận không thể là đơn vị bị sáp nhập.')) : Promise.resolve()),
                  }),
                ]}
              >
                <Select showSearch={{ optionFilterProp: 'label' }} options={options} placeholder="Gõ tên đơn vị để tìm" />
              </Form.Item>
            ) : (
              <>
                <NewUnitFields onNameChange={followName} />
                <Form.Item name="parentId" label="Trực thuộc" extra="Để trống: trực thuộc đơn vị cấp trên của đơn vị đầu tiên được sáp nhập.">
                  <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={options} placeholder="Như đơn vị đầu tiên" />
                </Form.Item>
              </>
            )}
          </>
        )}

        {kind === 'split' && (
          <Form.List
            name="into"
            rules={[{ validator: async (_, v: unknown[] | undefined) => ((v?.length ?? 0) < 2 ? Promise.reject(new Error('Chia tách thành ít nhất hai đơn vị.')) : undefined) }]}
          >
            {(fields, { add, remove }, { errors }) => (
              <>
                <Typography.Text strong>Các đơn vị mới</Typography.Text>
                {fields.map((f, i) => (
                  <Space key={f.key} align="start" style={{ display: 'flex' }}>
                    <div style={{ flex: 1 }}>
                      <NewUnitFields
                        prefix={f.name}
                        onNameChange={(name) => {
                          const code = form.getFieldValue(['into', f.name, 'code']) as string | undefined;
                          if (!code) form.setFieldValue(['into', f.name, 'code'], codeFromName(name));
                        }}
                      />
                    </div>
                    {fields.length > 2 && <MinusCircleOutlined aria-label={`Bỏ đơn vị mới thứ ${i + 1}`} style={{ marginTop: 36 }} onClick={() => remove(f.name)} />}
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} style={{ marginBottom: 16 }}>
                  Thêm đơn vị mới
                </Button>
                <Form.ErrorList errors={errors} />
              </>
            )}
          </Form.List>
        )}

        {kind === 'dissolve' && (
          <>
            <Form.Item name="transferChildrenTo" label="Chuyển các đơn vị trực thuộc sang" extra="Bắt buộc khi đơn vị còn đơn vị trực thuộc đang hoạt động.">
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={options} placeholder="Không có đơn vị trực thuộc" />
            </Form.Item>
            <Form.Item name="successorId" label="Đơn vị kế thừa nhiệm vụ">
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={options} placeholder="Không có" />
            </Form.Item>
          </>
        )}

        {(kind === 'merge' || kind === 'split' || kind === 'dissolve') && (
          <Form.Item name="note" label="Ghi chú" rules={[{ max: 2000, message: 'Tối đa 2000 ký tự.' }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        )}

        <Divider titlePlacement="start" plain>
          Căn cứ pháp lý và ngày hiệu lực
        </Divider>
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item name="basisNumber" label="Số, ký hiệu văn bản" rules={[...required('Nhập số, ký hiệu văn bản.'), { max: 64, message: 'Tối đa 64 ký tự.' }]}>
              <Input placeholder="Ví dụ: 1663/NQ-UBTVQH15" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="basisDate" label="Ngày ban hành" rules={[{ required: true, message: 'Chọn ngày ban hành.' }]}>
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="effectiveDate"
              label="Ngày hiệu lực"
              dependencies={['basisDate']}
              rules={[
                { required: true, message: 'Chọn ngày hiệu lực.' },
                ({ getFieldValue }) => ({
                  validator: (_, v: Dayjs | null) => {
                    const issued = getFieldValue('basisDate') as Dayjs | null;
                    return v && issued && v.isBefore(issued, 'day') ? Promise.reject(new Error('Ngày hiệu lực không trước ngày ban hành văn bản.')) : Promise.resolve();
                  },
                }),
              ]}
            >
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="basisIssuer" label="Cơ quan ban hành" rules={[...required('Nhập cơ quan ban hành.'), { max: 255, message: 'Tối đa 255 ký tự.' }]}>
          <Input placeholder="Ví dụ: Ủy ban Thường vụ Quốc hội" />
        </Form.Item>
        <Form.Item name="basisTitle" label="Trích yếu" rules={[{ max: 1000, message: 'Tối đa 1000 ký tự.' }]}>
          <Input placeholder="Ví dụ: Về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Đắk Lắk năm 2025" />
        </Form.Item>
        {kind === 'dissolve' && unitName(form.getFieldValue('unitId') as string | undefined) && (
          <Alert type="warning" showIcon title="Đơn vị giải thể thôi hoạt động từ ngày hiệu lực; kết quả, khen thưởng của đơn vị vẫn được lưu." />
        )}
      </Form>
    </Modal>
  );
}
