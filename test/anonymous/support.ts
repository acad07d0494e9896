/**
 * Helpers for the anonymous-channel tests: a reporter's browser (planted address and user agent, to
 * prove they are never written), multipart forms, the whole sending flow, and images with GPS EXIF.
 */
import type { LightMyRequestResponse } from 'fastify';
import sharp from 'sharp';
import { Agent } from '../support/agent.js';
import type { TestApp } from '../support/test-app.js';

export const CLIENT_IP = '203.0.113.199';
export const FORWARDED_IP = '198.51.100.77';
export const USER_AGENT = 'PlantedReporterBrowser/7.1 (Reporter-UA-Marker)';

export function reporter(t: TestApp, lang = 'en'): Agent {
  return new Agent(
    t.app,
    { 'user-agent': USER_AGENT, 'x-forwarded-for': FORWARDED_IP, 'accept-language': lang },
    CLIENT_IP,
  );
}

export interface UploadFile {
  name: string;
  data: Buffer;
  type?: string;
}

/** Posts a multipart form as the reporter's browser (the CSRF token in the query, as PostForm does). */
export async function postMultipart(
  agent: Agent,
  url: string,
  fields: Record<string, string>,
  files: UploadFile[],
): Promise<LightMyRequestResponse> {
  return agent.postMultipart(
    url,
    fields,
    files.map((f) => ({ field: 'files', filename: f.name, content: f.data, type: f.type })),
  );
}

export interface ReportFields {
  topic?: string;
  body_id?: string;
  what?: string;
  when?: string;
  where?: string;
  consent?: string[];
}

export const RECEIPT_RE = /\b([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})\b/;

/** Goes through both steps; returns the last answer and the receipt shown (if any). */
export async function sendReport(
  agent: Agent,
  f: ReportFields = {},
  files: UploadFile[] = [],
): Promise<{ res: LightMyRequestResponse; receipt: string | null; formToken: string }> {
  const fields = {
    topic: f.topic ?? 'corruption',
    body_id: f.body_id ?? '',
    what: f.what ?? 'The head of the colony takes money for family visits.',
    when: f.when ?? 'March 2026',
    where: f.where ?? 'Building 2',
  };
  const step1 = await agent.post('/report/new', { ...fields, action: 'continue' });
  if (step1.statusCode !== 200) throw new Error(`step 1 answered ${step1.statusCode}`);
  const formToken = /name="form_token" value="([\w-]{43})"/.exec(step1.body)?.[1];
  if (!formToken) throw new Error('no form token on step 2');
  const consent = Object.fromEntries((f.consent ?? []).map((p) => [`consent_${p}`, '1']));
  const res = await postMultipart(agent, '/report/send', { ...fields, form_token: formToken, ...consent }, files);
  return { res, receipt: RECEIPT_RE.exec(res.body)?.[1] ?? null, formToken };
}

/** Enters the receipt on the follow-up page (the agent then holds the follow-up cookie). */
export async function follow(agent: Agent, receipt: string): Promise<LightMyRequestResponse> {
  return agent.post('/report/follow', { receipt });
}

/** A small JPEG carrying camera EXIF and a GPS position (Bishkek), like a phone photo. */
export async function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 24, height: 16, channels: 3, background: { r: 180, g: 40, b: 40 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'PlantedCameraMaker', Model: 'PlantedModel X', Artist: 'Planted Photographer' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '42/1 52/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '74/1 36/1 0/1' },
    })
    .toBuffer();
}

/** A PNG with an XMP packet. */
export async function pngWithXmp(): Promise<Buffer> {
  return sharp({ create: { width: 8, height: 8, channels: 3, background: { r: 10, g: 120, b: 10 } } })
    .png()
    .withXmp(
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>PlantedXmpAuthor</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>',
    )
    .toBuffer();
}

export const TINY_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Author (Planted PDF Author) >> endobj\ntrailer << /Info 1 0 R >>\n%%EOF\n',
);
