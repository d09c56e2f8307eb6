import { Descriptions, Tag } from 'antd';
import { councilStatusLabels } from '../../i18n/labels';
import { formatDate, formatPercent } from '../../lib/format';
import type { CouncilReviewView } from './council-data';

/** What a session is: occasion, date, place, threshold, members and its state. */
export function SessionFacts({ review }: { review: CouncilReviewView }) {
  return (
    <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }}>
      <Descriptions.Item label="Phong trào" span={2}>
        {review.occasion.campaign.name}
      </Descriptions.Item>
      <Descriptions.Item label="Đợt khen thưởng">{review.occasion.name}</Descriptions.Item>
      <Descriptions.Item label="Ngày họp">{formatDate(review.meetingDate)}</Descriptions.Item>
      <Descriptions.Item label="Địa điểm">{review.place}</Descriptions.Item>
      <Descriptions.Item label="Ngưỡng thông qua">{formatPercent(review.passPercent)} số thành viên được biểu quyết đồng ý</Descriptions.Item>
      <Descriptions.Item label="Số thành viên">{review.members.length}</Descriptions.Item>
      <Descriptions.Item label="Số đề nghị được xét">{review.items.length}</Descriptions.Item>
      <Descriptions.Item label="Tình trạng">
        <Tag color={review.status === 'OPEN' ? 'processing' : 'default'}>{councilStatusLabels[review.status]}</Tag>
      </Descriptions.Item>
    </Descriptions>
  );
}
