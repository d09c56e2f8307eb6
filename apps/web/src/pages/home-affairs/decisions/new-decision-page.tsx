import { CheckCircleOutlined, FileWordOutlined } from '@ant-design/icons';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Checkbox, Col, DatePicker, Descriptions, Empty, Form, Input, Result, Row, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { AwardCampaignPicker, useAwardCampaign } from '../../../features/decision/award-campaign';
import {
  DecisionAwardsQuery,
  DecisionDraftQuery,
  DecisionPreviewQuery,
  RecommendedNominationsQuery,
  RecordDecisionMutation,
  RewardFundsQuery,
  type PreviewLine,
} from '../../../features/decision/decision-data';
import type { HomeAffairsRecommendedNominationsQuery } from '../../../gql/graphql';
import { QueryErrors } from '../../../layout/query-state';
import { toUserMessage } from '../../../lib/errors';
import { saveBase64File } from '../../../lib/files';
import { applyServerErrors } from '../../../lib/form-errors';
import { dayjs, formatMoney } from '../../../lib/format';
import { HomeAffairsNav } from '../home-affairs-nav';
import { PUBLIC_AWARDEES_PATH } from './public-path';

type Nomination = HomeAffairsRecommendedNominationsQuery['nominations'][number];

interface RecordValues {
  number: string;
  signer: string;
  signerTitle: string;
  exceedFund?: boolean;
}

const candidateName = (n: Nomination) => n.candidatePerson?.fullName ?? n.candidateUnit?.name ?? '—';
const candidateDescription = (n: Nomination) =>
  n.candidatePerson ? [n.candidatePerson.position, n.candidatePerson.unit?.name].filter(Boolean).join(', ') : 'Tập thể';

/** Lập quyết định: the council's recommended nominations of an occasion and form, the preview against the fund, then the signed decision. */
export function NewDecisionPage() {
  const award = useAwardCampaign();
  const { campaign, occasion, forms } = award;
  const client = useApolloClient();
  const { message } = App.useApp();
  const [formId, setFormId] = useState<string | null>(null);
  const [date, setDate] = useState<Dayjs>(dayjs());
  const [selected, setSelected] = useState<string[]>([]);
  const [draftBusy, setDraftBusy] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const [recorded, setRecorded] = useState<{ id: string; number: string } | null>(null);
  const [recordForm] = Form.useForm<RecordValues>();

  const nominations = useQuery(RecommendedNominationsQuery, { variables: { campaignId: campaign?.id ?? '', occasionId: occasion?.id ?? null }, skip: !campaign || !occasion });
  const all = nominations.data?.nominations ?? [];
  const formsWithNominations = forms.filter((f) => all.some((n) => n.form.id === f.id));
  const form = formsWithNominations.find((f) => f.id === formId) ?? (formsWithNominations.length === 1 ? formsWithNominations[0] : undefined);
  const rows = all.filter((n) => n.form.id === form?.id);
  const chosen = selected.filter((id) => rows.some((n) => n.id === id));
  const input = { date: date.format('YYYY-MM-DD'), nominationIds: chosen };
  const preview = useQuery(DecisionPreviewQuery, { variables: { input }, skip: !chosen.length, fetchPolicy: 'network-only' });
  const p = chosen.length ? preview.data?.awardDecisionPreview : undefined;
  const [record, { loading: recording }] = useMutation(RecordDecisionMutation, { refetchQueries: [DecisionAwardsQuery, RewardFundsQuery, RecommendedNominationsQuery] });

  const downloadDraft = async () => {
    setDraftBusy(true);
    try {
      const { data } = await client.query({ query: DecisionDraftQuery, variables: { input }, fetchPolicy: 'no-cache' });
      if (data?.awardDecisionPreview) saveBase64File(data.awardDecisionPreview.document);
    } catch (err) {
      message.error(toUserMessage(err));
    } finally {
      setDraftBusy(false);
    }
  };

  const onRecord = async (v: RecordValues) => {
    setAlert(null);
    try {
      const { data } = await record({
        variables: { input: { ...input, number: v.number.trim(), signer: v.signer.trim(), signerTitle: v.signerTitle.trim(), exceedFund: p?.exceedsFund ? !!v.exceedFund : null } },
      });
      if (data) {
        setRecorded({ id: data.recordAwardDecision.id, number: data.recordAwardDecision.number });
        setSelected([]);
        message.success(`Đã ghi Quyết định số ${data.recordAwardDecision.number}.`);
      }
    } catch (err) {
      setAlert(applyServerErrors(recordForm, err, { REWARD_FUND_EXCEEDED: 'exceedFund', DECISION_NUMBER_TAKEN: 'number', DECISION_DETAILS_REQUIRED: 'number' }));
    }
  };

  if (recorded) {
    return (
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <HomeAffairsNav />
        <Result
          status="success"
          icon={<CheckCircleOutlined />}
          title={`Đã ghi Quyết định khen thưởng số ${recorded.number}`}
          subTitle="Danh sách tập thể, cá nhân được khen thưởng của quyết định đã được công khai trên trang khen thưởng."
          extra={[
            <Link key="open" to={`/khen-thuong/quyet-dinh/${recorded.id}`}>
              <Button type="primary">Xem quyết định</Button>
            </Link>,
            <Link key="public" to={`${PUBLIC_AWARDEES_PATH}?phongTrao=${encodeURIComponent(campaign?.code ?? '')}${occasion ? `&dot=${occasion.id}` : ''}`}>
              <Button>Xem danh sách công khai</Button>
            </Link>,
            <Button key="again" onClick={() => setRecorded(null)}>
              Lập quyết định khác
            </Button>,
          ]}
        />
      </Space>
    );
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <HomeAffairsNav />
      <Typography.Title level={2} style={{ margin: 0 }}>
        Lập quyết định khen thưởng
      </Typography.Title>
      <Card size="small" title="1. Đợt, hình thức khen thưởng và các đề nghị Hội đồng đã thông qua">
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <AwardCampaignPicker award={award} occasion="required" />
            <Select
              aria-label="Hình thức khen thưởng"
              style={{ minWidth: 300 }}
              placeholder="Chọn hình thức khen thưởng"
              value={form?.id}
              onChange={(v) => setFormId(v)}
              options={formsWithNominations.map((f) => ({ value: f.id, label: f.name }))}
              disabled={!formsWithNominations.length}
            />
            <span>Ngày quyết định</span>
            <DatePicker aria-label="Ngày quyết định" format="DD/MM/YYYY" allowClear={false} value={date} onChange={(d) => d && setDate(d)} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Space>
          <QueryErrors error={award.error ?? nominations.error} />
          <Table<Nomination>
            rowKey="id"
            size="small"
            loading={nominations.loading}
            dataSource={rows}
            rowSelection={{ selectedRowKeys: chosen, onChange: (keys) => setSelected(keys.map(String)) }}
            pagination={{ defaultPageSize: 20, hideOnSinglePage: true, showTotal: (n) => `${n} đề nghị` }}
            locale={{
              emptyText: (
                <Empty
                  description={
                    !occasion ? 'Chọn đợt khen thưởng.' : all.length ? 'Chọn hình thức khen thưởng.' : 'Đợt này chưa có đề nghị nào được Hội đồng thông qua đang chờ quyết định.'
                  }
                />
              ),
            }}
            columns={[
              { title: 'Tập thể, cá nhân', render: (_, n) => candidateName(n) },
              { title: 'Chức vụ, đơn vị', render: (_, n) => candidateDescription(n) },
              { title: 'Đơn vị đề nghị', render: (_, n) => n.proposingUnit.name },
              { title: 'Tiền thưởng dự tính', align: 'right', render: (_, n) => formatMoney(n.bonus?.amount) },
            ]}
          />
        </Space>
      </Card>

      {chosen.length > 0 && (
        <Card size="small" title="2. Xem trước quyết định">
          <Spin spinning={preview.loading} description="Đang tính tiền thưởng và đối chiếu với quỹ…">
            <QueryErrors error={preview.error} />
            {p && (
              <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
                {p.warning && <Alert type={p.exceedsFund ? 'error' : 'warning'} showIcon title={p.warning} />}
                <Row gutter={16}>
                  <Col xs={24} lg={12}>
                    <Descriptions
                      size="small"
                      column={1}
                      bordered
                      items={[
                        { key: 'form', label: 'Hình thức', children: p.form.name },
                        { key: 'occasion', label: 'Đợt khen thưởng', children: p.occasion.name },
                        { key: 'count', label: 'Số tập thể, cá nhân', children: p.awards.length },
                        { key: 'total', label: 'Tổng tiền thưởng', children: <strong>{formatMoney(p.total)}</strong> },
                      ]}
                    />
                  </Col>
                  <Col xs={24} lg={12}>
                    <Descriptions
                      size="small"
                      column={1}
                      bordered
                      items={
                        p.fund
                          ? [
                              { key: 'fund', label: 'Quỹ khen thưởng', children: `${formatMoney(p.fund.amount)} (${p.fund.occasion ? p.fund.occasion.name : `năm ${p.fund.year}`})` },
                              { key: 'source', label: 'Nguồn kinh phí', children: p.fund.source },
                              { key: 'used', label: 'Đã dùng', children: formatMoney(p.fund.used) },
                              { key: 'remaining', label: 'Còn lại trước quyết định', children: formatMoney(p.fund.remaining) },
                              {
                                key: 'after',
                                label: 'Còn lại sau quyết định',
                                children: <Typography.Text type={p.exceedsFund ? 'danger' : undefined}>{formatMoney(p.remainingAfter)}</Typography.Text>,
                              },
                            ]
                          : [{ key: 'fund', label: 'Quỹ khen thưởng', children: <Link to="/khen-thuong/quy-va-muc-thuong">Chưa đặt quỹ cho năm, đợt này</Link> }]
                      }
                    />
                  </Col>
                </Row>
                <Table<PreviewLine>
                  rowKey={(l) => l.nomination.id}
                  size="small"
                  dataSource={p.awards}
                  pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
                  columns={[
                    { title: 'Tập thể, cá nhân', render: (_, l) => l.name },
                    { title: 'Chức vụ, đơn vị', render: (_, l) => l.description ?? (l.collective ? 'Tập thể' : '—') },
                    {
                      title: 'Tiền thưởng',
                      align: 'right',
                      width: 170,
                      render: (_, l) => (l.amount === null || l.amount === undefined ? <Tag color="red">Chưa tính được</Tag> : formatMoney(l.amount)),
                    },
                    { title: 'Cách tính', render: (_, l) => <Typography.Text type="secondary">{l.basis}</Typography.Text> },
                  ]}
                />
                <Button icon={<FileWordOutlined />} loading={draftBusy} onClick={() => void downloadDraft()}>
                  Tải dự thảo Quyết định (Word)
                </Button>
              </Space>
            )}
          </Spin>
        </Card>
      )}

      {p && (
        <Card size="small" title="3. Ghi quyết định đã ký">
          <Form<RecordValues>
            form={recordForm}
            layout="vertical"
            onFinish={onRecord}
            style={{ maxWidth: 640 }}
            initialValues={{ signerTitle: forms.find((f) => f.id === p.form.id)?.authorityTitle ?? '' }}
          >
            {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 16 }} />}
            <Form.Item name="number" label="Số, ký hiệu quyết định" rules={[{ required: true, whitespace: true, message: 'Nhập số, ký hiệu quyết định (ví dụ 1234/QĐ-UBND).' }, { max: 64, message: 'Tối đa 64 ký tự.' }]}>
              <Input placeholder="Ví dụ: 1234/QĐ-UBND" style={{ width: 260 }} />
            </Form.Item>
            <Form.Item name="signer" label="Người ký" rules={[{ required: true, whitespace: true, message: 'Nhập họ tên người ký.' }, { max: 255, message: 'Tối đa 255 ký tự.' }]}>
              <Input placeholder="Họ và tên" />
            </Form.Item>
            <Form.Item name="signerTitle" label="Chức vụ người ký" rules={[{ required: true, whitespace: true, message: 'Nhập chức vụ người ký.' }, { max: 255, message: 'Tối đa 255 ký tự.' }]}>
              <Input placeholder="Ví dụ: KT. Chủ tịch - Phó Chủ tịch" />
            </Form.Item>
            {p.exceedsFund && (
              <Form.Item
                name="exceedFund"
                valuePropName="checked"
                rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error('Tổng tiền thưởng vượt quỹ: cần xác nhận để ghi quyết định.'))) }]}
              >
                <Checkbox>Xác nhận ghi dù vượt quỹ</Checkbox>
              </Form.Item>
            )}
            <Button type="primary" htmlType="submit" loading={recording}>
              Ghi quyết định
            </Button>
          </Form>
        </Card>
      )}
    </Space>
  );
}
