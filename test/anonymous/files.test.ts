/**
 * Attachments: metadata stripped on upload (GPS EXIF in a JPEG is gone from the stored file; XMP in
 * a PNG too), bytes encrypted at rest under a per-file key, type checked by content, size limit
 * enforced while streaming, nothing left behind when a file is refused.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import sharp from 'sharp';
import { exifHasGps } from '../../src/modules/anonymous/files/clean.js';
import { rawStoredBytes, readEncrypted } from '../../src/modules/anonymous/files/encrypted-store.js';
import { MAX_FILE_BYTES, MAX_FILES } from '../../src/modules/anonymous/files/upload.js';
import { forEachDialect } from '../support/dialects.js';
import { buildTestApp, type TestApp } from '../support/test-app.js';
import { follow, jpegWithGps, pngWithXmp, postMultipart, reporter, sendReport } from './support.js';

forEachDialect('anonymous reporting: attachments', (dialect) => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp(dialect);
  });
  after(async () => t.close());

  const storedFiles = () =>
    fs.existsSync(path.join(t.dir, 'anonymous-files')) ? fs.readdirSync(path.join(t.dir, 'anonymous-files')) : [];

  test('GPS and camera EXIF of a JPEG and XMP of a PNG are gone from the stored files, which are encrypted', async () => {
    const jpeg = await jpegWithGps();
    const before = await sharp(jpeg).metadata();
    assert.ok(before.exif && exifHasGps(before.exif), 'the test photo carries GPS');
    const png = await pngWithXmp();
    assert.ok((await sharp(png).metadata()).xmp);
    const { res } = await sendReport(reporter(t), {}, [
      { name: 'IMG_2026.jpg', data: jpeg },
      { name: 'screen.png', data: png },
    ]);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /IMG_2026\.jpg<\/strong>: removed: camera and time \(EXIF\), location \(GPS\)/);
    assert.match(res.body, /screen\.png<\/strong>: removed: XMP data/);

    const rows = await t.db.conn.db.selectFrom('anonymous_file').selectAll().orderBy('id').execute();
    assert.equal(rows.length, 2);
    assert.deepEqual(
      rows.map((r) => r.removed),
      ['exif,gps', 'xmp'],
    );
    for (const r of rows) {
      const raw = rawStoredBytes(t.dir, r.stored_name);
      assert.ok(!raw.includes(Buffer.from('Planted')), 'no plaintext metadata on disk');
      assert.notEqual(raw.subarray(0, 3).toString('hex'), 'ffd8ff', 'the file on disk is not a readable JPEG');
      const plain = readEncrypted(t.dir, t.cipher, { storedName: r.stored_name, keyEnc: r.key_enc });
      const meta = await sharp(plain).metadata();
      assert.equal(meta.exif, undefined, 'no EXIF (so no GPS) in the stored image');
      assert.equal(meta.xmp, undefined);
      assert.ok(!plain.includes(Buffer.from('PlantedCameraMaker')) && !plain.includes(Buffer.from('PlantedXmpAuthor')));
      assert.equal(meta.format, r.mime === 'image/jpeg' ? 'jpeg' : 'png');
    }
    // A flipped byte on disk makes decryption fail loudly.
    const file = path.join(t.dir, 'anonymous-files', rows[0]!.stored_name);
    const bytes = fs.readFileSync(file);
    bytes[20] = bytes[20]! ^ 1;
    fs.writeFileSync(file, bytes);
    assert.throws(() => readEncrypted(t.dir, t.cipher, { storedName: rows[0]!.stored_name, keyEnc: rows[0]!.key_enc }));
  });

  test('a disguised file (an executable named .jpg) is refused with a clear message, nothing stored', async () => {
    const count = storedFiles().length;
    const reports = (await t.db.conn.db.selectFrom('anonymous_report').select('id').execute()).length;
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(200, 1)]);
    const { res, receipt } = await sendReport(reporter(t), {}, [
      { name: 'good.png', data: await pngWithXmp() },
      { name: 'holiday.jpg', data: exe },
    ]);
    assert.equal(res.statusCode, 422);
    assert.equal(receipt, null);
    assert.match(res.body, /“holiday\.jpg” is not a JPG file: its content does not match its name/);
    assert.match(res.body, /name="form_token"/, 'the reporter is back on step two with the text kept');
    assert.equal(storedFiles().length, count, 'the good file written first was removed again');
    assert.equal((await t.db.conn.db.selectFrom('anonymous_report').select('id').execute()).length, reports);
  });

  test('an unknown type and a broken image are refused', async () => {
    const exe = await sendReport(reporter(t), {}, [{ name: 'tool.exe', data: Buffer.from('MZ...') }]);
    assert.equal(exe.res.statusCode, 422);
    assert.match(exe.res.body, /this type of file is not accepted/);
    const broken = await sendReport(reporter(t), {}, [
      { name: 'broken.jpg', data: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 7)]) },
    ]);
    assert.equal(broken.res.statusCode, 422);
    assert.match(broken.res.body, /could not be read/);
  });

  test('a file over the limit is cut off while streaming: 413, a clear message, nothing stored', async () => {
    const count = storedFiles().length;
    const big = Buffer.alloc(MAX_FILE_BYTES + 1024, 0x41);
    const { res, receipt } = await sendReport(reporter(t), {}, [{ name: 'big.txt', data: big }]);
    assert.equal(res.statusCode, 413);
    assert.equal(receipt, null);
    assert.match(res.body, /A file is too large: at most 10 MB each/);
    assert.equal(storedFiles().length, count);
    assert.deepEqual(
      fs.readdirSync(path.join(t.dir, 'anonymous-files')).filter((f) => f.endsWith('.part')),
      [],
    );
  });

  test('too many files are refused', async () => {
    const files = Array.from({ length: MAX_FILES + 1 }, (_, i) => ({
      name: `n${i}.txt`,
      data: Buffer.from(`note ${i}`),
    }));
    const { res } = await sendReport(reporter(t), {}, files);
    assert.equal(res.statusCode, 413);
    assert.match(res.body, /Too many files: at most 5/);
  });

  test('files added later go through the same checks', async () => {
    const agent = reporter(t);
    const { receipt } = await sendReport(agent);
    await follow(agent, receipt!);
    const bad = await postMultipart(agent, '/report/files', {}, [
      { name: 'x.pdf', data: Buffer.from('not a pdf at all') },
    ]);
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /is not a PDF file/);
    const none = await postMultipart(agent, '/report/files', {}, []);
    assert.equal(none.statusCode, 422);
    const ok = await postMultipart(agent, '/report/files', {}, [{ name: 'photo.jpg', data: await jpegWithGps() }]);
    assert.equal(ok.statusCode, 200);
    assert.match(ok.body, /location \(GPS\)/);
  });
});
