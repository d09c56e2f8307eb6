import { canDownload, entityId, platformError, requireRole, StoredFile, validate } from '@thidua/platform';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { ParticipantsContext } from '../context';
import type { Resolvers } from '../generated/resolvers';
import type { DirectoryImport } from './directory-import.entity';
import { directoryImportError } from './directory-import.errors';

type Ctx = ParticipantsContext;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A small file may come inline; a big one through /files. */
const base64 = z.string().max(1_400_000).regex(/^[A-Za-z0-9+/=\s]*$/, 'Nội dung tệp phải là base64.');

/** The directory is Nội vụ's (and the administrator's), as createOrgUnit. */
function requireImporter(ctx: Ctx): void {
  requireRole(ctx.viewer, 'HOME_AFFAIRS');
}

/** A file uploaded to this service's /files, if the viewer may read it. */
async function uploadedFile(ctx: Ctx, id: string): Promise<{ name: string; bytes: Buffer } | null> {
  const file = await ctx.services.db.manager.findOne(StoredFile, { where: { id } });
  if (!file || !canDownload(ctx.viewer, file) || !ctx.services.files) return null;
  return { name: file.name, bytes: await readFile(ctx.services.files.pathOf(file.sha256)) };
}

/** Nội vụ's bulk import of units, people and registrations (issue 10): template, start, follow. */
export const directoryImportResolvers: Resolvers = {
  Query: {
    directoryImport: async (_: unknown, args: { id: unknown }, ctx: Ctx) => {
      requireImporter(ctx);
      return ctx.loaders.directoryImport.load(validate(entityId, args.id));
    },
    directoryImports: async (_: unknown, __: unknown, ctx: Ctx) => {
      requireImporter(ctx);
      return ctx.services.directoryImports.list();
    },
    directoryImportTemplate: async (_: unknown, __: unknown, ctx: Ctx) => {
      requireImporter(ctx);
      const bytes = await ctx.services.directoryImports.template();
      return { name: 'Nhap-danh-ba-don-vi.xlsx', mimeType: XLSX, base64: bytes.toString('base64') };
    },
  },
  Mutation: {
    startDirectoryImport: async (_: unknown, args: unknown, ctx: Ctx) => {
      requireImporter(ctx);
      const a = validate(z.object({ fileId: entityId.nullish(), base64: base64.nullish(), fileName: z.string().trim().max(255).nullish() }), args);
      if (a.fileId) {
        const file = await uploadedFile(ctx, a.fileId);
        if (!file) throw directoryImportError('DIRECTORY_IMPORT_FILE_NOT_FOUND', { fileId: a.fileId });
        return ctx.services.directoryImports.start({ fileName: a.fileName || file.name, bytes: file.bytes }, ctx.viewer);
      }
      if (!a.base64) throw directoryImportError('DIRECTORY_IMPORT_FILE_MISSING');
      return ctx.services.directoryImports.start({ fileName: a.fileName || 'nhap-danh-ba.xlsx', bytes: Buffer.from(a.base64, 'base64') }, ctx.viewer);
    },
  },
  DirectoryImport: {
    __resolveReference: async (ref: { id: string }, ctx: Ctx) => {
      if (ctx.viewer.anonymous) throw platformError('UNAUTHENTICATED');
      requireImporter(ctx);
      return ctx.loaders.directoryImport.load(ref.id);
    },
    units: (i: DirectoryImport) => ({ sheet: 'Đơn vị', total: i.unitsTotal, created: i.unitsCreated, existing: i.unitsExisting }),
    people: (i: DirectoryImport) => ({ sheet: 'Cá nhân', total: i.peopleTotal, created: i.peopleCreated, existing: i.peopleExisting }),
    registrations: (i: DirectoryImport) => ({ sheet: 'Đăng ký', total: i.registrationsTotal, created: i.registrationsCreated, existing: i.registrationsExisting }),
    errors: async (i: DirectoryImport, args: unknown, ctx: Ctx) => {
      const a = validate(z.object({ first: z.number().int().min(1).max(10_000).nullish(), offset: z.number().int().min(0).nullish() }), args);
      return ctx.services.directoryImports.errorsOf(i.id, a.first ?? 1000, a.offset ?? 0);
    },
  },
};
