import { AppError, entityId, platformErrors, requireRole, validate, type TokenVerifier } from '@thidua/platform';
import express, { type Router } from 'express';
import { z } from 'zod';
import { SCORE_IMPORT_KINDS } from './score-import.entity';
import type { ScoreImportService } from './score-import.service';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const TEMPLATE_NAMES = { SELF_ASSESSMENT: 'Nhap-diem-tu-danh-gia', VERIFIED: 'Nhap-diem-tham-dinh' } as const;
/** Where the gateway sends GET /score-imports/template. */
export const TEMPLATE_PATH = '/score-imports/template';

const params = z.object({ campaignId: entityId, year: z.coerce.number().int().min(2000).max(2100), kind: z.enum(SCORE_IMPORT_KINDS) });

function sendError(res: express.Response, status: number, code: string, message: string, requestId?: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code, requestId } }] });
}

/**
 * GET /score-imports/template?campaignId=…&year=…&kind=SELF_ASSESSMENT|VERIFIED: the bulk template as a download, for
 * the lead agency and the administrator. A province's template (10,000 units × 50 indicators, about 19 MB) takes
 * longer to build than a GraphQL request may last and would travel as 25 MB of base64: the headers go at once and the
 * workbook follows when it is built (scoreImportTemplate in the graph stays for small campaigns and scripts).
 */
export function scoreImportRoutes(imports: ScoreImportService, verify: TokenVerifier): Router {
  const router = express.Router();
  router.get(TEMPLATE_PATH, async (req, res) => {
    let input: z.infer<typeof params>;
    try {
      const viewer = await verify(req.headers.authorization);
      requireRole(viewer, 'LEAD_AGENCY');
      input = validate(params, req.query);
    } catch (err) {
      const e = err instanceof AppError ? err : null;
      const status = e?.code === 'UNAUTHENTICATED' || e?.code?.startsWith('TOKEN_') ? 401 : e?.code === 'FORBIDDEN' ? 403 : 400;
      return sendError(res, status, e?.code ?? 'BAD_REQUEST', e?.message ?? platformErrors.BAD_REQUEST, req.requestId);
    }
    const name = `${TEMPLATE_NAMES[input.kind]}-${input.year}.xlsx`;
    res.status(200);
    res.setHeader('Content-Type', XLSX_MIME);
    res.setHeader('Content-Disposition', `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`);
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.flushHeaders();
    try {
      res.end(await imports.template(input.campaignId, input.year, input.kind));
    } catch (err) {
      // The headers are gone: the browser sees a download that failed, the log says why.
      req.log?.error({ err }, 'score import template failed');
      res.destroy();
    }
  });
  return router;
}
