// One place for what each enum value, state and error code says in Vietnamese. A page never shows a code.
import type {
  AssessmentStatus,
  Authority,
  CampaignStatus,
  CandidateKind,
  ChecklistStatus,
  ClassificationBasis,
  ClauseResult,
  ConsultationCommentKind,
  ConsultationStage,
  ConsultationStatus,
  CouncilStatus,
  DeliveryChannel,
  DeliveryStatus,
  DirectoryImportStatus,
  DocumentKind,
  FormKind,
  Gender,
  FrameworkStatus,
  GroupKind,
  MilestoneKind,
  NominationStatus,
  NotificationKind,
  OccasionKind,
  OrgUnitChangeKind,
  OrgUnitKind,
  PersonKind,
  RecognitionLevel,
  Recurrence,
  RegistrationStatus,
  ReportConfirmer,
  ReportFieldType,
  ReportKind,
  ReportRunStatus,
  RuleType,
  ScoreImportKind,
  ScoreImportStatus,
  TargetLevel,
  UnitReportStatus,
  VoteChoice,
} from '../gql/enums';

export const orgUnitKindLabels: Record<OrgUnitKind, string> = {
  PROVINCE_PC: 'UBND tỉnh, thành phố',
  CITY_PC: 'UBND thành phố',
  DISTRICT_PC: 'UBND cấp huyện',
  DEPARTMENT: 'Sở, ban, ngành',
  MASS_ORGANISATION: 'Đoàn thể',
  WARD_PC: 'UBND phường',
  COMMUNE_PC: 'UBND xã',
  ENTERPRISE: 'Doanh nghiệp',
  CENTRAL_AGENCY: 'Cơ quan Trung ương',
};

export const campaignStatusLabels: Record<CampaignStatus, string> = {
  DRAFT: 'Dự thảo',
  PUBLISHED: 'Đang triển khai',
  CLOSED: 'Đã kết thúc',
};

export const milestoneKindLabels: Record<MilestoneKind, string> = {
  LAUNCH: 'Phát động',
  REGISTRATION_DUE: 'Hạn đăng ký thi đua',
  UNIT_PLAN_DUE: 'Hạn gửi kế hoạch của đơn vị',
  SELF_ASSESSMENT_DUE: 'Hạn tự chấm điểm',
  UNIT_REPORT_DUE: 'Hạn gửi báo cáo của đơn vị',
  CITY_SUMMARY_DUE: 'Hạn báo cáo tổng hợp của thành phố',
  PROVINCE_REPORT_DUE: 'Hạn báo cáo tỉnh',
  DOSSIER_DUE: 'Hạn nộp hồ sơ khen thưởng',
  INTERIM_REVIEW: 'Sơ kết',
  FINAL_REVIEW: 'Tổng kết',
  OTHER: 'Mốc khác',
};

export const registrationStatusLabels: Record<RegistrationStatus, string> = {
  DRAFT: 'Bản nháp',
  SUBMITTED: 'Đã gửi, chờ tiếp nhận',
  ACCEPTED: 'Đã được tiếp nhận',
  RETURNED: 'Bị trả lại',
};

export const assessmentStatusLabels: Record<AssessmentStatus, string> = {
  SELF_ASSESSING: 'Đang tự chấm',
  SUBMITTED: 'Đã nộp, chờ thẩm định',
  VERIFIED: 'Đã thẩm định',
  PUBLISHED: 'Đã công bố',
};

export const frameworkStatusLabels: Record<FrameworkStatus, string> = {
  DRAFT: 'Bản nháp',
  PUBLISHED: 'Đã ban hành',
};

export const ruleTypeLabels: Record<RuleType, string> = {
  YES_NO: 'Có / Không',
  COUNT_BANDS: 'Theo số lượng',
  RATIO: 'Theo tỷ lệ',
  MANUAL: 'Chấm trực tiếp',
};

export const groupKindLabels: Record<GroupKind, string> = {
  NORMAL: 'Nhóm chỉ số',
  BONUS: 'Điểm thưởng',
  PENALTY: 'Điểm trừ',
};

export const targetLevelLabels: Record<TargetLevel, string> = {
  PROVINCE: 'Cấp tỉnh',
  DEPARTMENT: 'Sở, ban, ngành',
  DISTRICT: 'Cấp huyện',
  COMMUNE: 'Cấp xã',
  ENTERPRISE: 'Doanh nghiệp',
};

export const unitReportStatusLabels: Record<UnitReportStatus, string> = {
  DRAFT: 'Bản nháp',
  SUBMITTED: 'Đã gửi',
};

export const reportFieldTypeLabels: Record<ReportFieldType, string> = {
  NUMBER: 'Số',
  PERCENT: 'Tỷ lệ (%)',
  TEXT: 'Văn bản',
  BOOLEAN: 'Có / Không',
};

export const reportKindLabels: Record<ReportKind, string> = {
  UNIT_ROLLUP: 'Tổng hợp báo cáo của các đơn vị',
  CITY_SUMMARY: 'Báo cáo tổng hợp của thành phố',
  PROVINCE_REPORT: 'Báo cáo gửi tỉnh',
  INTERIM_REVIEW: 'Báo cáo sơ kết',
  FINAL_REVIEW: 'Báo cáo tổng kết',
};

export const reportRunStatusLabels: Record<ReportRunStatus, string> = {
  QUEUED: 'Đang chờ',
  RUNNING: 'Đang lập',
  SUCCEEDED: 'Đã lập xong',
  FAILED: 'Thất bại',
};

export const deliveryChannelLabels: Record<DeliveryChannel, string> = {
  HTTP: 'Gửi qua hệ thống',
  EMAIL: 'Thư điện tử',
};

export const deliveryStatusLabels: Record<DeliveryStatus, string> = {
  PENDING: 'Đang gửi',
  SENT: 'Đã gửi',
  FAILED: 'Gửi không thành công',
};

export const notificationKindLabels: Record<NotificationKind, string> = {
  REMINDER: 'Nhắc hạn',
  OVERDUE: 'Quá hạn',
  ESCALATION: 'Báo cáo chậm trễ',
};

export const formKindLabels: Record<FormKind, string> = {
  BANG_KHEN: 'Bằng khen',
  GIAY_KHEN: 'Giấy khen',
  STATE_AWARD: 'Khen thưởng cấp Nhà nước',
};

export const authorityLabels: Record<Authority, string> = {
  STATE: 'Nhà nước',
  PROVINCE_CHAIR: 'Chủ tịch UBND tỉnh',
  CITY_CHAIR: 'Chủ tịch UBND thành phố',
  COMMUNE_CHAIR: 'Chủ tịch UBND cấp xã',
};

export const candidateKindLabels: Record<CandidateKind, string> = {
  COLLECTIVE: 'Tập thể',
  INDIVIDUAL: 'Cá nhân',
};

export const occasionKindLabels: Record<OccasionKind, string> = {
  ANNUAL: 'Hằng năm',
  INTERIM_REVIEW: 'Sơ kết',
  FINAL_REVIEW: 'Tổng kết',
};

export const nominationStatusLabels: Record<NominationStatus, string> = {
  DRAFT: 'Bản nháp',
  SUBMITTED: 'Đã trình',
  FORWARDED: 'Cơ quan thường trực đã tổng hợp, thẩm tra, chuyển Nội vụ',
  RETURNED: 'Bị trả lại',
  APPRAISED: 'Đã thẩm định',
  IN_COUNCIL: 'Đang xét tại Hội đồng',
  RECOMMENDED: 'Hội đồng đề nghị',
  DECIDED: 'Đã có quyết định',
  REJECTED: 'Không được khen thưởng',
};

export const consultationStatusLabels: Record<ConsultationStatus, string> = {
  UPCOMING: 'Sắp diễn ra',
  OPEN: 'Đang lấy ý kiến',
  ENDED: 'Đã kết thúc',
};

export const consultationCommentKindLabels: Record<ConsultationCommentKind, string> = {
  COMMENT: 'Góp ý',
  OBJECTION: 'Phản ánh',
};

export const clauseResultLabels: Record<ClauseResult, string> = {
  PASS: 'Đạt',
  FAIL: 'Chưa đạt',
  NOT_APPLICABLE: 'Không áp dụng',
};

export const personKindLabels: Record<PersonKind, string> = {
  CIVIL_SERVANT: 'Cán bộ, công chức',
  PUBLIC_EMPLOYEE: 'Viên chức',
  WORKER: 'Người lao động',
  CITIZEN: 'Người dân',
  BUSINESS_PERSON: 'Doanh nhân',
  INTELLECTUAL: 'Trí thức',
  SCIENTIST: 'Nhà khoa học',
  OVERSEAS_VIETNAMESE: 'Người Việt Nam ở nước ngoài',
};

export const genderLabels: Record<Gender, string> = {
  MALE: 'Nam',
  FEMALE: 'Nữ',
};

/** The documents of an award dossier, by their short names (the checklist gives each item's full wording). */
export const documentKindLabels: Record<DocumentKind, string> = {
  TO_TRINH: 'Tờ trình',
  BIEN_BAN_HOI_DONG: 'Biên bản họp Hội đồng Thi đua - Khen thưởng',
  BAO_CAO_THANH_TICH: 'Báo cáo thành tích',
  TAX_CLEARANCE: 'Xác nhận không nợ thuế',
  SOCIAL_INSURANCE_CLEARANCE: 'Xác nhận không nợ bảo hiểm xã hội',
  ENVIRONMENT_COMPLIANCE: 'Xác nhận chấp hành quy định bảo vệ môi trường',
  FOOD_SAFETY_COMPLIANCE: 'Xác nhận chấp hành quy định vệ sinh an toàn thực phẩm',
};

export const checklistStatusLabels: Record<ChecklistStatus, string> = {
  PRESENT: 'Đã có',
  MISSING: 'Còn thiếu',
  EXPIRED: 'Hết hiệu lực',
  UNCONFIRMED: 'Chưa đủ xác nhận',
};

export const reportConfirmerLabels: Record<ReportConfirmer, string> = {
  PROPOSING_LEVEL: 'Cấp trình khen',
  UNIT_HEAD: 'Thủ trưởng đơn vị',
  DIRECT_SUPERIOR: 'Thủ trưởng cấp trên trực tiếp',
};

/** When a campaign publishes its nominees for comment (công khai, lấy ý kiến). */
export const consultationStageLabels: Record<ConsultationStage, string> = {
  BEFORE_COUNCIL: 'Trước khi Hội đồng Thi đua - Khen thưởng họp xét',
  BEFORE_DECISION: 'Sau khi Hội đồng họp xét, trước khi quyết định khen thưởng',
};

/** The level that recognised an initiative (sáng kiến, giải pháp). */
export const recognitionLevelLabels: Record<RecognitionLevel, string> = {
  UNIT: 'Cấp cơ sở',
  DISTRICT: 'Cấp huyện, thành phố thuộc tỉnh',
  PROVINCE: 'Cấp tỉnh',
  NATIONAL: 'Toàn quốc',
};

/** What each step of a nomination's history was (the workflow's action names). */
export const nominationActionLabels: Record<string, string> = {
  submit: 'Gửi đề nghị',
  forward: 'Cơ quan thường trực tổng hợp, thẩm tra, chuyển Nội vụ',
  return: 'Trả lại để bổ sung, sửa',
  appraise: 'Nội vụ thẩm định đạt',
  toCouncil: 'Đưa ra Hội đồng Thi đua - Khen thưởng xét',
  pass: 'Hội đồng thông qua',
  fail: 'Hội đồng không thông qua',
  decide: 'Có quyết định khen thưởng',
  reject: 'Không khen thưởng',
};

/** The queues of background work (their codes in the graph), as the administrator names them. */
export const jobQueueLabels: Record<string, string> = {
  reports: 'Lập báo cáo',
  deliveries: 'Gửi báo cáo lên tỉnh',
  reminders: 'Nhắc việc',
  scoring: 'Nhập điểm hàng loạt',
  participants: 'Nhập danh bạ đơn vị',
};

export const orgUnitChangeKindLabels: Record<OrgUnitChangeKind, string> = {
  CREATED: 'Thành lập',
  RENAMED: 'Đổi tên',
  MOVED: 'Chuyển trực thuộc',
  MERGED: 'Sáp nhập',
  SPLIT: 'Chia tách',
  DISSOLVED: 'Giải thể',
};

export const councilStatusLabels: Record<CouncilStatus, string> = {
  OPEN: 'Đang họp',
  CLOSED: 'Đã kết thúc',
};

/** A council member's vote, as the ballot and the minutes say it. */
export const voteChoiceLabels: Record<VoteChoice, string> = {
  FOR: 'Đồng ý',
  AGAINST: 'Không đồng ý',
  ABSTAIN: 'Không biểu quyết',
};

export type RoleCode = 'ADMIN' | 'LEAD_AGENCY' | 'HOME_AFFAIRS' | 'COUNCIL' | 'UNIT_OFFICER' | 'PROVINCE';

export const roleLabels: Record<RoleCode, string> = {
  ADMIN: 'Quản trị hệ thống',
  LEAD_AGENCY: 'Cơ quan thường trực phong trào',
  HOME_AFFAIRS: 'Nội vụ (thi đua, khen thưởng)',
  COUNCIL: 'Thành viên Hội đồng thi đua, khen thưởng',
  UNIT_OFFICER: 'Cán bộ đầu mối của đơn vị',
  PROVINCE: 'Tỉnh (nhận báo cáo)',
};

/** What the client says for an error code when the server's own message is missing or names internal fields. */
export const errorMessages: Record<string, string> = {
  UNAUTHENTICATED: 'Bạn cần đăng nhập để thực hiện thao tác này.',
  TOKEN_EXPIRED: 'Phiên làm việc đã hết hạn, vui lòng đăng nhập lại.',
  TOKEN_INVALID: 'Phiên làm việc không hợp lệ, vui lòng đăng nhập lại.',
  FORBIDDEN: 'Bạn không có quyền thực hiện thao tác này.',
  FORBIDDEN_OTHER_UNIT: 'Bạn chỉ được thay đổi dữ liệu của đơn vị mình.',
  NOT_FOUND: 'Không tìm thấy dữ liệu yêu cầu.',
  VALIDATION_FAILED: 'Dữ liệu nhập chưa hợp lệ: xem các ô được đánh dấu.',
  VERSION_CONFLICT: 'Dữ liệu vừa được người khác thay đổi. Giá trị mới nhất đã được tải lại; hãy kiểm tra rồi lưu lại.',
  SUBGRAPH_TIMEOUT: 'Một phần dữ liệu chưa tải được vì hệ thống phản hồi chậm; vui lòng thử lại.',
  OUTCOME_UNKNOWN: 'Hệ thống phản hồi chậm nên chưa rõ thay đổi đã được ghi nhận hay chưa; vui lòng tải lại trang để kiểm tra trước khi làm lại.',
  RATE_LIMITED: 'Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng đợi giây lát rồi thử lại.',
  SERVICE_UNAVAILABLE: 'Hệ thống tạm thời không phản hồi, vui lòng thử lại sau ít phút.',
  INTERNAL_SERVER_ERROR: 'Đã có lỗi hệ thống. Vui lòng thử lại sau hoặc liên hệ quản trị viên.',
  NETWORK: 'Không kết nối được tới máy chủ. Kiểm tra kết nối mạng rồi thử lại.',
  PAYLOAD_TOO_LARGE: 'Tệp hoặc dữ liệu gửi lên vượt quá dung lượng cho phép.',
  AUTH_INVALID_CREDENTIALS: 'Tên đăng nhập hoặc mật khẩu không đúng.',
  AUTH_LOCKED: 'Tài khoản đang bị tạm khóa do nhập sai mật khẩu nhiều lần.',
  AUTH_DISABLED: 'Tài khoản đã bị vô hiệu hóa. Liên hệ quản trị viên.',
  CSRF_REJECTED: 'Yêu cầu bị từ chối vì lý do an toàn. Tải lại trang rồi thử lại.',
};

export const classificationBasisLabels: Record<ClassificationBasis, string> = {
  PERCENT: 'Theo tỷ lệ % điểm tối đa',
  POINTS: 'Theo tổng điểm',
};

export const recurrenceLabels: Record<Recurrence, string> = {
  ONCE: 'Một lần',
  YEARLY: 'Hằng năm',
};

/** What each step in an assessment's history was (the audit's action names). */
export const assessmentActionLabels: Record<string, string> = {
  start: 'Mở phiếu đánh giá',
  'self-assess': 'Đơn vị tự chấm',
  submit: 'Đơn vị nộp phiếu',
  verify: 'Thẩm định',
  'verify-complete': 'Hoàn tất thẩm định',
  publish: 'Công bố kết quả',
  reopen: 'Mở lại cho đơn vị tự đánh giá',
  'import self-assess': 'Cơ quan chủ trì nhập điểm tự đánh giá hàng loạt',
  'import verify': 'Cơ quan chủ trì nhập điểm thẩm định hàng loạt',
};

/** How a report run was started. */
export const reportTriggerLabels: Record<string, string> = {
  SCHEDULE: 'Theo lịch tự động',
  MANUAL: 'Lập theo yêu cầu',
};

/** The short words the lead agency's lists use for an assessment's state. */
export const assessmentStepLabels: Record<AssessmentStatus, string> = {
  SELF_ASSESSING: 'Đang tự chấm',
  SUBMITTED: 'Chờ thẩm định',
  VERIFIED: 'Đã thẩm định',
  PUBLISHED: 'Đã công bố',
};

/** Which scores a bulk import brings in. */
export const scoreImportKindLabels: Record<ScoreImportKind, string> = {
  SELF_ASSESSMENT: 'Điểm tự đánh giá',
  VERIFIED: 'Điểm thẩm định',
};

export const scoreImportStatusLabels: Record<ScoreImportStatus, string> = {
  QUEUED: 'Đang chờ',
  RUNNING: 'Đang nhập',
  DONE: 'Đã xong',
  FAILED: 'Không hoàn thành',
};

export const directoryImportStatusLabels: Record<DirectoryImportStatus, string> = {
  QUEUED: 'Đang chờ',
  RUNNING: 'Đang nhập',
  DONE: 'Đã xong',
  FAILED: 'Không hoàn thành',
};

/** Error codes of the directory import (sheet, row, column come with each). */
export const directoryImportErrorLabels: Record<string, string> = {
  FILE_UNREADABLE: 'Tệp không đọc được',
  FILE_NO_SHEETS: 'Không thấy trang nào của mẫu',
  COLUMN_MISSING: 'Trang thiếu cột',
  VALUE_INVALID: 'Giá trị không hợp lệ',
  UNIT_KIND_UNKNOWN: 'Loại đơn vị không có trong danh mục',
  PERSON_KIND_UNKNOWN: 'Đối tượng không có trong danh mục',
  CODE_DUPLICATE: 'Mã đơn vị bị lặp trong tệp',
  PARENT_NOT_FOUND: 'Không có đơn vị cấp trên',
  UNIT_NOT_FOUND: 'Không có đơn vị này',
  CAMPAIGN_NOT_FOUND: 'Không có phong trào này',
  PERSON_DUPLICATE: 'Cá nhân bị lặp trong tệp',
  PERSON_UNIT_REQUIRED: 'Cá nhân cần thuộc một đơn vị',
  FORBIDDEN: 'Không có quyền',
  ORG_UNIT_CODE_TAKEN: 'Mã đơn vị đã được dùng',
  ORG_UNIT_NAME_TAKEN: 'Trùng tên đơn vị cùng cấp trên',
  ORG_UNIT_PARENT_INVALID: 'Đơn vị cấp trên không hợp lệ',
  ORG_UNIT_CHANGE_IN_FUTURE: 'Ngày hiệu lực sau hôm nay',
  ORG_UNIT_INACTIVE: 'Đơn vị đã thôi hoạt động',
  REGISTRATION_DUPLICATE: 'Đơn vị đã đăng ký',
  REGISTRATION_UNIT_NOT_EXPECTED: 'Đơn vị ngoài phạm vi phong trào',
  REGISTRATION_CAMPAIGN_CLOSED: 'Phong trào không nhận đăng ký',
  REGISTRATION_COMMITMENTS_REQUIRED: 'Thiếu nội dung cam kết',
};

/** The kinds of problem a bulk score import reports (its stable error codes). */
export const scoreImportErrorLabels: Record<string, string> = {
  FILE_UNREADABLE: 'Tệp không đọc được',
  TABLE_NOT_FOUND: 'Không thấy bảng nhập điểm',
  COLUMNS_MISSING: 'Bảng thiếu cột',
  ZIP_NOT_FOR_VERIFIED: 'Tệp nén không dùng cho điểm thẩm định',
  ZIP_EMPTY: 'Tệp nén không có phiếu',
  ZIP_TOO_MANY_SHEETS: 'Tệp nén có quá nhiều phiếu',
  ZIP_TOO_LARGE: 'Tệp nén quá lớn khi giải nén',
  SHEET_TOO_LARGE: 'Phiếu trong tệp nén quá lớn',
  SHEET_INVALID: 'Phiếu của đơn vị không hợp lệ',
  ROW_INVALID: 'Dòng không hợp lệ',
  UNIT_MISSING: 'Thiếu đơn vị',
  UNIT_NOT_FOUND: 'Không có đơn vị này',
  UNIT_AMBIGUOUS: 'Trùng tên đơn vị',
  CODE_MISSING: 'Thiếu mã chỉ số',
  DUPLICATE_ROW: 'Dòng bị lặp',
  NOT_A_NUMBER: 'Không phải là số',
  NEGATIVE_NUMBER: 'Số âm',
  NOT_AN_INTEGER: 'Không phải số nguyên',
  NOT_YES_NO: 'Không phải Có/Không',
  VERIFIED_POINTS_MISSING: 'Thiếu điểm thẩm định',
  INDICATOR_NOT_FOUND: 'Không có chỉ số này',
  INDICATOR_NOT_APPLICABLE: 'Chỉ số không áp dụng',
  SCORE_INVALID: 'Giá trị không hợp lệ',
  NOTE_TOO_LONG: 'Ghi chú quá dài',
  ADJUSTMENT_REASON_REQUIRED: 'Thiếu lý do điều chỉnh',
  ASSESSMENT_NOT_EDITABLE: 'Phiếu không ở trạng thái cho phép',
  ASSESSMENT_WINDOW_CLOSED: 'Hết thời hạn tự đánh giá',
  SHEET_OUTDATED: 'Phiếu đã cũ',
  ASSESSMENT_CHANGED: 'Phiếu vừa bị thay đổi',
};
