import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { extname, join } from 'node:path';
import express, { type Router } from 'express';
import multer from 'multer';
import { canReadUnit, hasRole, type TokenVerifier, type Viewer } from './auth';
import { recordAudit } from './audit';
import { runWithContext, type RequestContext } from './context';
import type { Database } from './database';
import { AppError, platformErrors } from './errors';
import { inspectFile } from './file-inspection';
import { StoredFile } from './stored-file.entity';
import { hasForbiddenCharacters, normalizeText } from './vietnamese';

/** Content-addressed storage of file bytes in a directory (object storage in deployments implements the same). */
export class FileStore {
  constructor(private readonly root: string) {}

  pathOf(sha256: string): string {
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  /** Store bytes under their sha256; storing the same bytes twice keeps one copy. */
  async put(bytes: Buffer): Promise<string> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const target = this.pathOf(sha256);
    try {
      await stat(target);
      return sha256;
    } catch {
      await mkdir(join(this.root, sha256.slice(0, 2), sha256.slice(2, 4)), { recursive: true });
      const tmp = `${target}.${randomUUID()}.tmp`;
      await writeFile(tmp, bytes);
      await rename(tmp, target);
      return sha256;
    }
  }
}

interface FileKind {
  mime: string;
  extensions: string[];
  magic: (b: Buffer) => boolean;
  /** A bulk import's file (a workbook, a .zip of workbooks): allowed up to the import limit, not the document one. */
  importFile?: boolean;
}

const ZIP = (b: Buffer) => b.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
/**
 * A whole zip archive: a local file header first and the end-of-central-directory record ("PK\x05\x06", 22 bytes
 * plus a comment of at most 65,535) near the end, so a file that only starts like a zip (or was cut short) is refused.
 */
const ZIP_ARCHIVE = (b: Buffer) => {
  if (!ZIP(b) || b.length < 30 + 22) return false;
  const tail = b.subarray(Math.max(0, b.length - 22 - 0xffff));
  return tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) >= 0;
};
const OLE = (b: Buffer) => b.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));

/**
 * File types officials send: PDF, Word, Excel (new and old), scans as PNG/JPEG, and a .zip of workbooks (the units'
 * own self-assessment sheets for the lead agency's bulk score import). Checked by content, not by name.
 */
export const ACCEPTED_FILE_KINDS: FileKind[] = [
  { mime: 'application/pdf', extensions: ['.pdf'], magic: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['.docx'], magic: ZIP },
  { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['.xlsx'], magic: ZIP, importFile: true },
  { mime: 'application/zip', extensions: ['.zip'], magic: ZIP_ARCHIVE, importFile: true },
  { mime: 'application/msword', extensions: ['.doc'], magic: OLE },
  { mime: 'application/vnd.ms-excel', extensions: ['.xls'], magic: OLE },
  { mime: 'image/png', extensions: ['.png'], magic: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { mime: 'image/jpeg', extensions: ['.jpg', '.jpeg'], magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
];

/** The accepted kind of a file from its name and first bytes, or undefined. */
export function detectFileKind(name: string, bytes: Buffer): FileKind | undefined {
  const ext = extname(name).toLowerCase();
  return ACCEPTED_FILE_KINDS.find((k) => k.extensions.includes(ext) && k.magic(bytes));
}

function sendError(res: express.Response, status: number, code: string, message: string, requestId?: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code, requestId } }] });
}

export interface FileRoutesOptions {
  db: Database;
  store: FileStore;
  /** Largest upload of a document (PDF, Word, images, old Excel). */
  maxBytes: number;
  /** Largest upload of a workbook (.xlsx) or a .zip, the bulk imports' files; defaults to maxBytes. */
  importMaxBytes?: number;
  verify: TokenVerifier;
  /** Context for audit rows and logs. */
  contextFor: (req: express.Request, viewer: Viewer) => RequestContext;
}

/** Who may read a file: its unit, the roles that read every unit, and its uploader. */
export function canDownload(viewer: Viewer, file: StoredFile): boolean {
  return canReadUnit(viewer, file.ownerUnitId) || (!!viewer.userId && viewer.userId === file.uploadedBy);
}

/** POST /files (multipart field "file", optional "unitId") and GET /files/:id, under the same authorisation as the graph. */
export function createFileRoutes(opts: FileRoutesOptions): Router {
  const router = express.Router();
  const importMaxBytes = Math.max(opts.maxBytes, opts.importMaxBytes ?? opts.maxBytes);
  // Multer stops at the larger limit; the kind's own limit is checked once the content says what the file is.
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: importMaxBytes, files: 1, fields: 5 } });
  const mb = (bytes: number) => Math.floor(bytes / 1024 / 1024);
  const tooLarge = (res: express.Response) =>
    sendError(
      res,
      413,
      'FILE_TOO_LARGE',
      importMaxBytes > opts.maxBytes
        ? `Tệp vượt quá dung lượng cho phép (${mb(opts.maxBytes)} MB; bảng tính .xlsx và tệp nén .zip đến ${mb(importMaxBytes)} MB).`
        : `Tệp vượt quá dung lượng cho phép (${mb(opts.maxBytes)} MB).`,
    );

  const authenticate = async (req: express.Request, res: express.Response): Promise<Viewer | undefined> => {
    try {
      const viewer = await opts.verify(req.headers.authorization);
      return viewer;
    } catch (err) {
      const e = err instanceof AppError ? err : undefined;
      sendError(res, 401, e?.code ?? 'TOKEN_INVALID', e?.message ?? platformErrors.TOKEN_INVALID);
      return undefined;
    }
  };

  router.post('/files', async (req, res) => {
    const viewer = await authenticate(req, res);
    if (!viewer) return;
    if (viewer.anonymous) return sendError(res, 401, 'UNAUTHENTICATED', platformErrors.UNAUTHENTICATED);
    upload.single('file')(req, res, async (err: unknown) => {
      if (err instanceof multer.MulterError) {
        if (err.code === 'LIMIT_FILE_SIZE') return tooLarge(res);
        return sendError(res, 400, 'BAD_REQUEST', `${platformErrors.BAD_REQUEST} (${err.code})`);
      }
      if (err) return sendError(res, 400, 'BAD_REQUEST', platformErrors.BAD_REQUEST);
      const file = req.file;
      if (!file) return sendError(res, 400, 'FILE_MISSING', 'Thiếu tệp tải lên (trường "file").');
      // multer decodes the filename as latin1; browsers send UTF-8.
      const name = normalizeText(Buffer.from(file.originalname, 'latin1').toString('utf8'));
      if (!name || name.length > 255 || hasForbiddenCharacters(name)) {
        return sendError(res, 400, 'FILE_NAME_INVALID', 'Tên tệp không hợp lệ (tối đa 255 ký tự).');
      }
      const kind = detectFileKind(name, file.buffer);
      if (!kind) {
        return sendError(res, 415, 'FILE_TYPE_NOT_ALLOWED', 'Loại tệp không được chấp nhận. Chỉ nhận PDF, Word, Excel, PNG, JPEG và tệp nén .zip.');
      }
      if (file.size > (kind.importFile ? importMaxBytes : opts.maxBytes)) return tooLarge(res);
      const requestedUnit = typeof req.body?.unitId === 'string' && req.body.unitId ? String(req.body.unitId) : null;
      let ownerUnitId = viewer.orgUnitId;
      if (requestedUnit && requestedUnit !== viewer.orgUnitId) {
        if (!hasRole(viewer, 'ADMIN', 'LEAD_AGENCY', 'HOME_AFFAIRS')) {
          return sendError(res, 403, 'FORBIDDEN_OTHER_UNIT', platformErrors.FORBIDDEN_OTHER_UNIT);
        }
        ownerUnitId = requestedUnit;
      }
      const ctx = opts.contextFor(req, viewer);
      try {
        const sha256 = await opts.store.put(file.buffer);
        // What the file is (its title, its pages), read once here: a dossier checks it against the item it is for.
        const inspection = inspectFile(kind.mime, file.buffer);
        const saved = await runWithContext(ctx, () =>
          opts.db.transaction(async (m) => {
            const row = m.create(StoredFile, {
              id: randomUUID(),
              sha256,
              size: file.size,
              mimeType: kind.mime,
              name,
              uploadedBy: viewer.userId ?? 'unknown',
              ownerUnitId,
              createdAt: new Date(),
              documentType: inspection.documentType,
              pages: inspection.pages,
            });
            await m.save(row);
            await recordAudit(m, { entityType: 'StoredFile', entityId: row.id, action: 'upload', after: row });
            return row;
          }),
        );
        res.status(201).json({
          id: saved.id,
          name: saved.name,
          mimeType: saved.mimeType,
          size: saved.size,
          sha256: saved.sha256,
          documentType: saved.documentType,
          pages: saved.pages,
          downloadUrl: `/files/${saved.id}`,
        });
      } catch (e) {
        ctx.logger.error({ err: e }, 'file upload failed');
        sendError(res, 500, 'INTERNAL_SERVER_ERROR', platformErrors.INTERNAL_SERVER_ERROR, ctx.requestId);
      }
    });
  });

  router.get('/files/:id', async (req, res) => {
    const viewer = await authenticate(req, res);
    if (!viewer) return;
    // Anonymous callers learn nothing, not even whether an id exists.
    if (viewer.anonymous) return sendError(res, 401, 'UNAUTHENTICATED', platformErrors.UNAUTHENTICATED);
    const id = String(req.params.id);
    if (!/^[0-9a-f-]{36}$/i.test(id)) return sendError(res, 404, 'NOT_FOUND', platformErrors.NOT_FOUND);
    const file = await opts.db.manager.findOne(StoredFile, { where: { id } });
    if (!file) return sendError(res, 404, 'NOT_FOUND', platformErrors.NOT_FOUND);
    if (!canDownload(viewer, file)) return sendError(res, 403, 'FORBIDDEN', platformErrors.FORBIDDEN);
    res.setHeader('Content-Type', file.mimeType);
    res.setHeader('Content-Length', String(file.size));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-store');
    const ascii = file.name.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '_') || 'tep';
    res.setHeader('Content-Disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`);
    try {
      await pipeline(createReadStream(opts.store.pathOf(file.sha256)), res);
    } catch (err) {
      if (!res.headersSent) sendError(res, 500, 'INTERNAL_SERVER_ERROR', platformErrors.INTERNAL_SERVER_ERROR);
      else res.destroy();
      if ((err as { code?: string }).code !== 'ERR_STREAM_PREMATURE_CLOSE') req.log?.error({ err }, 'file download failed');
    }
  });

  return router;
}
