import { requireCampaignAgency } from '@thidua/graph-client';
import { entityId, platformError, requireRole, validate } from '@thidua/platform';
import { z } from 'zod';
import type { ScoringContext } from '../context';
import type { Resolvers } from '../generated/resolvers';
import { SCORE_IMPORT_KINDS } from './score-import.entity';
import { scoreImportError } from './score-import.errors';
import { TEMPLATE_NAMES, XLSX_MIME } from './score-import.routes';

/** A small file may come inline (as the per-unit imports do); a big one through /files. */
const base64 = z.string().max(1_400_000).regex(/^[A-Za-z0-9+/=\s]*$/, 'Nội dung tệp phải là base64.');
const year = z.number().int().min(2000).max(2100);
const kind = z.enum(SCORE_IMPORT_KINDS);

/** Bulk imports are the lead agency's (and the administrator's). */
function requireImporter(ctx: ScoringContext): void {
  requireRole(ctx.viewer, 'LEAD_AGENCY');
}

/** The lead agency's bulk import of every unit's scores (R24): template, start, follow. */
export const scoreImportResolvers: Resolvers = {
  Query: {
    scoreImport: async (_, args, ctx) => {
      requireImporter(ctx);
      return ctx.loaders.scoreImport.load(validate(entityId, args.id));
    },
    scoreImports: async (_, args, ctx) => {
      requireImporter(ctx);
      const a = validate(z.object({ campaignId: entityId, year: year.nullish() }), args);
      return ctx.services.scoreImports.list(a.campaignId, a.year);
    },
    scoreImportTemplate: async (_, args, ctx) => {
      requireImporter(ctx);
      const a = validate(z.object({ campaignId: entityId, year, kind }), args);
      const bytes = await ctx.services.scoreImports.template(a.campaignId, a.year, a.kind);
      return { name: `${TEMPLATE_NAMES[a.kind]}-${a.year}.xlsx`, mimeType: XLSX_MIME, base64: bytes.toString('base64') };
    },
  },
  Mutation: {
    startScoreImport: async (_, args, ctx) => {
      requireImporter(ctx);
      const a = validate(
        z.object({ campaignId: entityId, year, kind, fileId: entityId.nullish(), base64: base64.nullish(), fileName: z.string().trim().max(255).nullish() }),
        args,
      );
      await requireCampaignAgency(ctx.viewer, ctx.loaders.campaignAgencies, a.campaignId);
      if (a.fileId) {
        const file = await ctx.services.uploadedFile(a.fileId);
        if (!file) throw scoreImportError('SCORE_IMPORT_FILE_NOT_FOUND', { fileId: a.fileId });
        return ctx.services.scoreImports.start({ campaignId: a.campaignId, year: a.year, kind: a.kind, fileName: a.fileName || file.name, bytes: file.bytes }, ctx.viewer);
      }
      if (!a.base64) throw scoreImportError('SCORE_IMPORT_FILE_MISSING');
      return ctx.services.scoreImports.start({ campaignId: a.campaignId, year: a.year, kind: a.kind, fileName: a.fileName || 'nhap-diem.xlsx', bytes: Buffer.from(a.base64, 'base64') }, ctx.viewer);
    },
  },
  ScoreImport: {
    __resolveReference: async (ref, ctx) => {
      if (ctx.viewer.anonymous) throw platformError('UNAUTHENTICATED');
      requireImporter(ctx);
      return ctx.loaders.scoreImport.load(ref.id);
    },
    campaign: (i) => ({ id: i.campaignId }),
    errors: async (i, args, ctx) => {
      const a = validate(z.object({ first: z.number().int().min(1).max(10_000).nullish(), offset: z.number().int().min(0).nullish() }), args);
      return ctx.services.scoreImports.errorsOf(i.id, a.first ?? 1000, a.offset ?? 0);
    },
  },
  ScoreImportError: {
    unit: (e) => (e.unitId ? { id: e.unitId } : null),
  },
};
