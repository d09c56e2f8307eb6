export type AssessmentStatus =
  /** Đã công bố */
  | 'PUBLISHED'
  /** Đơn vị đang tự đánh giá */
  | 'SELF_ASSESSING'
  /** Đã gửi, chờ thẩm định */
  | 'SUBMITTED'
  /** Đã thẩm định */
  | 'VERIFIED';

export type Authority =
  /** Chủ tịch UBND thành phố thuộc tỉnh (cấp huyện) */
  | 'CITY_CHAIR'
  /** Chủ tịch UBND xã, phường */
  | 'COMMUNE_CHAIR'
  /** Chủ tịch UBND tỉnh / thành phố trực thuộc trung ương */
  | 'PROVINCE_CHAIR'
  /** Chủ tịch nước / Thủ tướng Chính phủ */
  | 'STATE';

export type CampaignStatus =
  | 'CLOSED'
  | 'DRAFT'
  | 'PUBLISHED';

export type CandidateKind =
  | 'COLLECTIVE'
  | 'INDIVIDUAL';

export type ChecklistStatus =
  | 'EXPIRED'
  | 'MISSING'
  | 'PRESENT'
  | 'UNCONFIRMED';

export type ClassificationBasis =
  | 'PERCENT'
  | 'POINTS';

export type ClauseResult =
  | 'FAIL'
  | 'NOT_APPLICABLE'
  | 'PASS';

export type ConsultationCommentKind =
  /** Góp ý */
  | 'COMMENT'
  /** Phản ánh, không đồng ý với đề nghị */
  | 'OBJECTION';

/** Thời điểm công khai, lấy ý kiến về danh sách đề nghị khen thưởng. */
export type ConsultationStage =
  /** Trước khi Hội đồng Thi đua - Khen thưởng họp xét */
  | 'BEFORE_COUNCIL'
  /** Sau khi Hội đồng họp xét, trước khi quyết định khen thưởng */
  | 'BEFORE_DECISION';

/** Tình trạng của đợt công khai theo ngày. */
export type ConsultationStatus =
  /** Đã kết thúc */
  | 'ENDED'
  /** Đang lấy ý kiến */
  | 'OPEN'
  /** Sắp diễn ra */
  | 'UPCOMING';

export type CouncilStatus =
  | 'CLOSED'
  | 'OPEN';

export type DeliveryChannel =
  | 'EMAIL'
  | 'HTTP';

export type DeliveryStatus =
  | 'FAILED'
  | 'PENDING'
  | 'SENT';

export type DirectoryImportStatus =
  | 'DONE'
  | 'FAILED'
  | 'QUEUED'
  | 'RUNNING';

export type DocumentKind =
  /** Báo cáo thành tích có xác nhận của cấp trình khen */
  | 'BAO_CAO_THANH_TICH'
  /** Biên bản họp Hội đồng Thi đua - Khen thưởng */
  | 'BIEN_BAN_HOI_DONG'
  /** Xác nhận chấp hành quy định bảo vệ môi trường */
  | 'ENVIRONMENT_COMPLIANCE'
  /** Xác nhận chấp hành quy định vệ sinh an toàn thực phẩm */
  | 'FOOD_SAFETY_COMPLIANCE'
  /** Xác nhận không nợ bảo hiểm xã hội */
  | 'SOCIAL_INSURANCE_CLEARANCE'
  /** Xác nhận không nợ thuế */
  | 'TAX_CLEARANCE'
  /** Tờ trình đề nghị khen thưởng */
  | 'TO_TRINH';

export type DraftKind =
  | 'BAO_CAO_THANH_TICH'
  | 'TO_TRINH';

export type FormKind =
  /** Bằng khen */
  | 'BANG_KHEN'
  /** Giấy khen */
  | 'GIAY_KHEN'
  /** Khen thưởng cấp Nhà nước */
  | 'STATE_AWARD';

export type FrameworkStatus =
  | 'DRAFT'
  | 'PUBLISHED';

/** Giới tính. */
export type Gender =
  /** Nữ */
  | 'FEMALE'
  /** Nam */
  | 'MALE';

export type GroupKind =
  /** Điểm cộng (ngoài điểm tối đa) */
  | 'BONUS'
  | 'NORMAL'
  /** Điểm trừ */
  | 'PENALTY';

export type MilestoneKind =
  | 'CITY_SUMMARY_DUE'
  | 'DOSSIER_DUE'
  | 'FINAL_REVIEW'
  | 'INTERIM_REVIEW'
  | 'LAUNCH'
  | 'OTHER'
  | 'PROVINCE_REPORT_DUE'
  | 'REGISTRATION_DUE'
  | 'SELF_ASSESSMENT_DUE'
  | 'UNIT_PLAN_DUE'
  | 'UNIT_REPORT_DUE';

export type NominationStatus =
  /** Nội vụ đã thẩm định */
  | 'APPRAISED'
  /** Đã có quyết định khen thưởng */
  | 'DECIDED'
  /** Bản nháp */
  | 'DRAFT'
  /** Cơ quan thường trực đã tổng hợp, thẩm tra, chuyển Nội vụ */
  | 'FORWARDED'
  /** Đang được Hội đồng Thi đua - Khen thưởng xét */
  | 'IN_COUNCIL'
  /** Hội đồng đã thông qua, chờ quyết định */
  | 'RECOMMENDED'
  /** Không khen thưởng (kèm lý do) */
  | 'REJECTED'
  /** Bị trả lại để bổ sung, sửa (kèm lý do) */
  | 'RETURNED'
  /** Đã gửi (chờ cơ quan thường trực tổng hợp, thẩm tra nếu phong trào quy định; nếu không, chờ Nội vụ thẩm định) */
  | 'SUBMITTED';

export type NotificationKind =
  /** Báo cáo cơ quan thường trực các đơn vị quá hạn */
  | 'ESCALATION'
  /** Thông báo quá hạn */
  | 'OVERDUE'
  /** Nhắc việc trước hạn */
  | 'REMINDER';

export type OccasionKind =
  | 'ANNUAL'
  /** Tổng kết */
  | 'FINAL_REVIEW'
  /** Sơ kết */
  | 'INTERIM_REVIEW';

export type OrgUnitChangeKind =
  | 'CREATED'
  | 'DISSOLVED'
  | 'MERGED'
  | 'MOVED'
  | 'RENAMED'
  | 'SPLIT';

export type OrgUnitKind =
  /** Cơ quan trung ương đóng trên địa bàn */
  | 'CENTRAL_AGENCY'
  /** UBND thành phố thuộc tỉnh (cấp huyện) */
  | 'CITY_PC'
  /** UBND xã */
  | 'COMMUNE_PC'
  /** Sở, phòng, ban, ngành chuyên môn */
  | 'DEPARTMENT'
  /** UBND quận, huyện, thị xã */
  | 'DISTRICT_PC'
  /** Doanh nghiệp */
  | 'ENTERPRISE'
  /** Mặt trận, đoàn thể, tổ chức chính trị - xã hội */
  | 'MASS_ORGANISATION'
  /** UBND tỉnh / thành phố trực thuộc trung ương */
  | 'PROVINCE_PC'
  /** UBND phường */
  | 'WARD_PC';

export type PersonKind =
  /** Doanh nhân */
  | 'BUSINESS_PERSON'
  /** Nhân dân */
  | 'CITIZEN'
  /** Cán bộ, công chức */
  | 'CIVIL_SERVANT'
  /** Trí thức */
  | 'INTELLECTUAL'
  /** Người Việt Nam ở nước ngoài */
  | 'OVERSEAS_VIETNAMESE'
  /** Viên chức */
  | 'PUBLIC_EMPLOYEE'
  /** Nhà khoa học */
  | 'SCIENTIST'
  /** Người lao động */
  | 'WORKER';

export type RecognitionLevel =
  /** Cấp huyện / thành phố thuộc tỉnh */
  | 'DISTRICT'
  /** Toàn quốc */
  | 'NATIONAL'
  /** Cấp tỉnh / thành phố trực thuộc trung ương */
  | 'PROVINCE'
  /** Cấp cơ sở / đơn vị */
  | 'UNIT';

export type Recurrence =
  | 'ONCE'
  | 'YEARLY';

export type RegistrationStatus =
  | 'ACCEPTED'
  | 'DRAFT'
  | 'RETURNED'
  | 'SUBMITTED';

/** Cấp xác nhận Báo cáo thành tích. */
export type ReportConfirmer =
  /** Thủ trưởng cấp trên trực tiếp */
  | 'DIRECT_SUPERIOR'
  /** Cấp trình khen */
  | 'PROPOSING_LEVEL'
  /** Thủ trưởng đơn vị */
  | 'UNIT_HEAD';

export type ReportFieldType =
  /** Có / không */
  | 'BOOLEAN'
  /** Số (không âm) */
  | 'NUMBER'
  /** Tỷ lệ phần trăm (0-100) */
  | 'PERCENT'
  /** Văn bản */
  | 'TEXT';

export type ReportKind =
  /** Báo cáo kết quả của thành phố */
  | 'CITY_SUMMARY'
  /** Báo cáo tổng kết */
  | 'FINAL_REVIEW'
  /** Báo cáo sơ kết */
  | 'INTERIM_REVIEW'
  /** Báo cáo gửi tỉnh */
  | 'PROVINCE_REPORT'
  /** Tổng hợp báo cáo của các đơn vị */
  | 'UNIT_ROLLUP';

export type ReportRunStatus =
  | 'FAILED'
  | 'QUEUED'
  | 'RUNNING'
  | 'SUCCEEDED';

/** Cách xác định đơn vị khi xem kết quả của một năm. */
export type ResultBoundary =
  /** Theo đơn vị như khi đánh giá: địa giới, tổ chức của năm đó. */
  | 'AS_WAS'
  /** Quy về đơn vị đang tồn tại ở ngày đã chọn (mặc định hôm nay): các đơn vị đã sáp nhập được tính một lần dưới đơn vị kế thừa; đơn vị giải thể không có đơn vị kế thừa thì không còn trong bảng. */
  | 'SUCCESSORS';

export type RuleType =
  /** Theo số lượng: mức cao nhất đạt được */
  | 'COUNT_BANDS'
  /** Chấm điểm trong khoảng 0..tối đa */
  | 'MANUAL'
  /** Tỷ lệ a/b × điểm tối đa */
  | 'RATIO'
  /** Có/Không: có = điểm tối đa */
  | 'YES_NO';

/** Loại điểm của một lượt nhập hàng loạt: điểm tự đánh giá của các đơn vị, hoặc điểm thẩm định. */
export type ScoreImportKind =
  | 'SELF_ASSESSMENT'
  | 'VERIFIED';

export type ScoreImportStatus =
  | 'DONE'
  | 'FAILED'
  | 'QUEUED'
  | 'RUNNING';

export type TargetLevel =
  /** Cấp xã, phường */
  | 'COMMUNE'
  /** Sở, ban, ngành / phòng, ban */
  | 'DEPARTMENT'
  /** Cấp huyện */
  | 'DISTRICT'
  /** Doanh nghiệp */
  | 'ENTERPRISE'
  /** Cấp tỉnh */
  | 'PROVINCE';

export type UnitReportStatus =
  | 'DRAFT'
  | 'SUBMITTED';

export type VoteChoice =
  | 'ABSTAIN'
  | 'AGAINST'
  | 'FOR';
