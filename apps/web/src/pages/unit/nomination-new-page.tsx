import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Radio, Row, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { CreateNominationMutation, CreatePersonMutation, NewNominationOptionsQuery } from '../../features/nomination/nomination-data';
import type { PersonKind } from '../../gql/enums';
import { genderLabels, orgUnitKindLabels, personKindLabels } from '../../i18n/labels';
import { PageSpinner } from '../../layout/page-spinner';
import { QueryErrors } from '../../layout/query-state';
import { applyServerErrors } from '../../lib/form-errors';
import { dayjs, formatDate, todayIso } from '../../lib/format';
import { currentOccasion } from './nominations-page';
import { UnitPageHeader } from './unit-page-header';
import { WithMyUnit, type MyUnit } from './use-my-unit';

/** Kinds of person who work in a unit (the others — citizens, business people, scientists, overseas Vietnamese — need none). */
const NEEDS_UNIT: PersonKind[] = ['CIVIL_SERVANT', 'PUBLIC_EMPLOYEE', 'WORKER'];
const NO_UNIT = 'khong';

interface Values {
  campaignCode: string;
  occasionId: string;
  candidateType: 'UNIT' | 'PERSON';
  candidateUnitId?: string;
  personMode?: 'EXISTING' | 'NEW';
  personId?: string;
  fullName?: string;
  kind?: PersonKind;
  dateOfBirth?: Dayjs | null;
  gender?: 'MALE' | 'FEMALE' | null;
  homeTown?: string;
  residence?: string;
  position?: string;
  personUnit?: string;
  formId: string;
  achievementSummary: string;
  pendingProceedings: boolean;
}

const trimOrNull = (s: string | undefined) => (s && s.trim() ? s.trim() : null);

function NewNomination({ unit }: { unit: MyUnit }) {
  const today = todayIso();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { message } = App.useApp();
  const { data, loading, error } = useQuery(NewNominationOptionsQuery, { variables: { date: today, unitId: unit.id } });
  const [createPerson] = useMutation(CreatePersonMutation);
  const [createNomination] = useMutation(CreateNominationMutation);
  const [form] = Form.useForm<Values>();
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A person created before the nomination was refused is kept (and chosen), not created twice.
  const [createdPeople, setCreatedPeople] = useState<Array<{ id: string; fullName: string; kind: PersonKind; position: string | null }>>([]);

  const campaignCode = Form.useWatch('campaignCode', form);
  const candidateType = Form.useWatch('candidateType', form);
  const personMode = Form.useWatch('personMode', form);
  const kind = Form.useWatch('kind', form);

  const campaigns = useMemo(() => data?.campaigns ?? [], [data]);
  const campaign = campaigns.find((c) => c.code === campaignCode);
  const forms = (campaign?.awardForms ?? []).filter((f) => (candidateType === 'PERSON' ? f.forIndividuals : f.forCollectives));
  const people = [...createdPeople, ...(data?.people ?? []).filter((p) => !createdPeople.some((c) => c.id === p.id))];
  const units = data?.orgUnit ? [{ id: data.orgUnit.id, name: data.orgUnit.name, kind: data.orgUnit.kind }, ...(data.orgUnit.children ?? [])] : [];

  if (loading && !data) return <PageSpinner />;
  const initialCampaign = campaigns.find((c) => c.code === params.get('phong-trao')) ?? campaigns[0];
  const initialOccasion = initialCampaign?.occasions?.find((o) => o.id === params.get('dot')) ?? currentOccasion(initialCampaign?.occasions);

  const save = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const c = campaigns.find((x) => x.code === v.campaignCode);
    if (!c) return;
    setBusy(true);
    setAlert(null);
    try {
      let personId = v.candidateType === 'PERSON' && v.personMode === 'EXISTING' ? v.personId : undefined;
      if (v.candidateType === 'PERSON' && v.personMode === 'NEW') {
        try {
          const r = await createPerson({
            variables: {
              input: {
                fullName: (v.fullName ?? '').trim(),
                kind: v.kind as PersonKind,
                unitId: v.personUnit && v.personUnit !== NO_UNIT ? v.personUnit : null,
                position: trimOrNull(v.position),
                residence: trimOrNull(v.residence),
                homeTown: trimOrNull(v.homeTown),
                dateOfBirth: v.dateOfBirth ? v.dateOfBirth.format('YYYY-MM-DD') : null,
                gender: v.gender ?? null,
              },
            },
          });
          const p = r.data?.createPerson;
          if (!p) throw new Error('Không tạo được cá nhân.');
          personId = p.id;
          setCreatedPeople((list) => [...list, { id: p.id, fullName: p.fullName, kind: p.kind, position: p.position ?? null }]);
          form.setFieldsValue({ personMode: 'EXISTING', personId: p.id });
        } catch (err) {
          setAlert(applyServerErrors(form, err, { unitId: 'personUnit' }));
          return;
        }
      }
      const r = await createNomination({
        variables: {
          input: {
            campaignId: c.id,
            occasionId: v.occasionId,
            formId: v.formId,
            proposingUnitId: unit.id,
            candidateUnitId: v.candidateType === 'UNIT' ? v.candidateUnitId : null,
            candidatePersonId: v.candidateType === 'PERSON' ? personId : null,
            achievementSummary: v.achievementSummary.trim(),
            pendingProceedings: v.pendingProceedings,
          },
        },
      });
      const id = r.data?.createNomination.id;
      if (!id) return;
      message.success('Đã lưu bản nháp đề nghị khen thưởng. Hãy xem điều kiện và hoàn thiện hồ sơ.');
      navigate(`/don-vi-cua-toi/khen-thuong/${id}`);
    } catch (err) {
      setAlert(applyServerErrors(form, err, { NOMINATION_FORM_INVALID: 'formId', NOMINATION_CANDIDATE_INVALID: 'candidateType' }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <UnitPageHeader title="Đề nghị khen thưởng mới" unitName={unit.name} campaignName={campaign?.name} />
      <QueryErrors error={error} />
      <Card>
        {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 16 }} />}
        <Form<Values>
          form={form}
          layout="vertical"
          disabled={busy}
          style={{ maxWidth: 920 }}
          initialValues={{ campaignCode: initialCampaign?.code, occasionId: initialOccasion?.id, candidateType: 'UNIT', candidateUnitId: unit.id, personMode: 'EXISTING', pendingProceedings: false }}
          onValuesChange={(changed: Partial<Values>) => {
            if ('campaignCode' in changed) {
              const c = campaigns.find((x) => x.code === changed.campaignCode);
              form.setFieldsValue({ occasionId: currentOccasion(c?.occasions)?.id, formId: undefined });
            }
            if ('candidateType' in changed) form.setFieldsValue({ formId: undefined });
          }}
        >
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="campaignCode" label="Phong trào" rules={[{ required: true, message: 'Chọn phong trào.' }]}>
                <Select options={campaigns.map((c) => ({ value: c.code, label: c.name }))} placeholder="Chọn phong trào" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="occasionId" label="Đợt khen thưởng" rules={[{ required: true, message: 'Chọn đợt khen thưởng.' }]}>
                <Select
                  placeholder="Chọn đợt"
                  options={[...(campaign?.occasions ?? [])].sort((a, b) => a.endDate.localeCompare(b.endDate)).map((o) => ({ value: o.id, label: o.name }))}
                />
              </Form.Item>
            </Col>
          </Row>

          <Form.Item name="candidateType" label="Đối tượng đề nghị" rules={[{ required: true, message: 'Chọn tập thể hay cá nhân.' }]}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'UNIT', label: 'Tập thể' },
                { value: 'PERSON', label: 'Cá nhân' },
              ]}
            />
          </Form.Item>

          {candidateType !== 'PERSON' ? (
            <Form.Item name="candidateUnitId" label="Tập thể được đề nghị" extra="Đơn vị mình hoặc một đơn vị trực thuộc." rules={[{ required: true, message: 'Chọn tập thể được đề nghị.' }]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                placeholder="Gõ tên đơn vị để tìm"
                options={units.map((u) => ({ value: u.id, label: `${u.name} (${orgUnitKindLabels[u.kind]})` }))}
              />
            </Form.Item>
          ) : (
            <Card size="small" title="Cá nhân được đề nghị" style={{ marginBottom: 24 }}>
              <Form.Item name="personMode">
                <Radio.Group
                  options={[
                    { value: 'EXISTING', label: 'Chọn người đã có trong danh sách' },
                    { value: 'NEW', label: 'Thêm người mới' },
                  ]}
                />
              </Form.Item>
              {personMode !== 'NEW' ? (
                <Form.Item name="personId" label="Họ và tên" rules={[{ required: true, message: 'Chọn cá nhân được đề nghị, hoặc thêm người mới.' }]}>
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    placeholder="Gõ họ tên để tìm"
                    notFoundContent="Không có ai trùng tên; chọn «Thêm người mới»."
                    options={people.map((p) => ({ value: p.id, label: `${p.fullName} — ${personKindLabels[p.kind]}${p.position ? `, ${p.position}` : ''}` }))}
                  />
                </Form.Item>
              ) : (
                <Row gutter={16}>
                  <Col xs={24} md={12}>
                    <Form.Item
                      name="fullName"
                      label="Họ và tên"
                      rules={[
                        { required: true, whitespace: true, message: 'Nhập họ và tên.' },
                        { max: 255, message: 'Họ và tên tối đa 255 ký tự.' },
                      ]}
                    >
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item name="kind" label="Thành phần" rules={[{ required: true, message: 'Chọn thành phần của cá nhân.' }]}>
                      <Select placeholder="Chọn" options={Object.entries(personKindLabels).map(([value, label]) => ({ value, label }))} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item name="dateOfBirth" label="Ngày sinh">
                      <DatePicker format="DD/MM/YYYY" placeholder="Chọn ngày" style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day') || d.year() < 1900} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item name="gender" label="Giới tính">
                      <Select allowClear placeholder="Chọn" options={Object.entries(genderLabels).map(([value, label]) => ({ value, label }))} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item name="homeTown" label="Quê quán" rules={[{ max: 255, message: 'Tối đa 255 ký tự.' }]}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item name="residence" label="Nơi cư trú" extra="Với người Việt Nam ở nước ngoài: thành phố, quốc gia." rules={[{ max: 255, message: 'Tối đa 255 ký tự.' }]}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item name="position" label="Chức vụ, nghề nghiệp" rules={[{ max: 255, message: 'Tối đa 255 ký tự.' }]}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={24}>
                    <Form.Item
                      name="personUnit"
                      label="Đơn vị công tác"
                      dependencies={['kind']}
                      rules={[
                        {
                          validator: (_, value: string | undefined) =>
                            kind && NEEDS_UNIT.includes(kind) && (!value || value === NO_UNIT)
                              ? Promise.reject(new Error('Cán bộ, công chức, viên chức, người lao động phải thuộc một đơn vị.'))
                              : Promise.resolve(),
                        },
                      ]}
                    >
                      <Select
                        placeholder="Chọn"
                        options={[
                          { value: unit.id, label: unit.name },
                          { value: NO_UNIT, label: 'Không công tác tại đơn vị nào trong danh bạ' },
                        ]}
                      />
                    </Form.Item>
                  </Col>
                </Row>
              )}
            </Card>
          )}

          <Form.Item
            name="formId"
            label="Hình thức khen thưởng"
            extra={`Chỉ các hình thức còn cấp có thẩm quyền khen thưởng vào ngày đề nghị (${formatDate(today)}) và dành cho ${candidateType === 'PERSON' ? 'cá nhân' : 'tập thể'}.`}
            rules={[{ required: true, message: 'Chọn hình thức khen thưởng.' }]}
          >
            <Select placeholder="Chọn hình thức" options={forms.map((f) => ({ value: f.id, label: f.name }))} notFoundContent="Phong trào không có hình thức phù hợp vào ngày này." />
          </Form.Item>

          <Form.Item
            name="achievementSummary"
            label="Tóm tắt thành tích"
            rules={[
              { required: true, whitespace: true, message: 'Nhập tóm tắt thành tích.' },
              { min: 20, message: 'Tóm tắt thành tích ít nhất 20 ký tự.' },
              { max: 20000, message: 'Tóm tắt thành tích tối đa 20.000 ký tự.' },
            ]}
          >
            <Input.TextArea rows={5} showCount maxLength={20000} />
          </Form.Item>

          <Form.Item
            name="pendingProceedings"
            label="Đối tượng có đang bị xem xét kỷ luật, thanh tra, giải quyết khiếu nại, tố cáo không?"
            extra="Đơn vị đề nghị tự khai; nếu có, đối tượng chưa được xét khen thưởng."
          >
            <Radio.Group
              options={[
                { value: false, label: 'Không' },
                { value: true, label: 'Có' },
              ]}
            />
          </Form.Item>

          <Space>
            <Button type="primary" loading={busy} onClick={() => void save()}>
              Lưu bản nháp
            </Button>
            <Button onClick={() => navigate('/don-vi-cua-toi/khen-thuong')}>Hủy</Button>
          </Space>
          <div style={{ marginTop: 8 }}>
            <Typography.Text type="secondary">Bản nháp chưa được gửi đi: sau khi lưu, đơn vị xem điều kiện, tải hồ sơ lên rồi mới gửi đề nghị.</Typography.Text>
          </div>
        </Form>
      </Card>
    </>
  );
}

/** /don-vi-cua-toi/khen-thuong/moi — the unit proposes a collective (itself or a unit under it) or a person for an award. */
export function NominationNewPage() {
  return <WithMyUnit>{(unit) => <NewNomination unit={unit} />}</WithMyUnit>;
}
