/**
 * @module bench/quality
 * Journal quality at region scale: 2,500,000 journal records (one region's school day) made by
 * a seeded PRNG, streamed as JSON Lines text through the same import path as a file
 * (`importJournal` → `createQualityReportBuilder`), checked and aggregated. Nothing is held in
 * memory: chunks are generated, parsed and dropped, and RSS is sampled on the way.
 *
 * The peer is the obvious implementation: JSON.parse, ajv validation of each record (with
 * date formats), Luxon date math per record, a Map of groups. It runs on the first
 * `PEER_RECORDS` of the same stream (it is far slower) and its totals must agree with ours.
 *
 * Run: `npm run bench:quality` (RECORDS=… to change the size). Last line: one JSON object.
 */
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { DateTime } from 'luxon';
import os from 'node:os';
import { importJournal } from '../src/quality/import.js';
import { createQualityReportBuilder } from '../src/quality/report.js';
import type { JournalRecord } from '../src/quality/types.js';

const RECORDS = Number(process.env.RECORDS ?? 2_500_000);
const PEER_RECORDS = Math.min(RECORDS, Number(process.env.PEER_RECORDS ?? 200_000));
const ZONE = 'Asia/Yekaterinburg';
const CHUNK_RECORDS = 256;

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));
const SCHOOLS = 300;
const LESSONS_PER_DAY = 6;
const PUPILS = 28;
const letters = ['А', 'Б', 'В'];
const classes = Array.from({ length: 33 }, (_, i) => `${(i % 11) + 1}${letters[Math.floor(i / 11)]}`);
const subjects = ['math', 'russian', 'literature', 'history', 'physics', 'chemistry', 'biology', 'english', 'geography', 'informatics', 'art', 'pe'];
const schoolYearStart = Date.UTC(2024, 8, 2);
const days = Array.from({ length: 400 }, (_, i) => new Date(schoolYearStart + i * 86_400_000).toISOString().slice(0, 10));

/** One journal line for a pupil at a lesson; about one in eight is late somewhere. */
function journalLine(random: () => number, school: string, klass: string, subject: string, teacher: string, pupil: string, lesson: number): string {
  const roll = random();
  const kind = roll < 0.8 ? 'mark' : roll < 0.97 ? 'absence' : 'interim';
  const delay = random() < 0.9 ? Math.floor(random() * 5) : 5 + Math.floor(random() * 5);
  const entered = lesson + delay;
  const hour = 8 + Math.floor(random() * 15);
  const minute = Math.floor(random() * 60);
  const enteredAt = random() < 0.5 ? `${days[entered]}T${pad(hour)}:${pad(minute)}:00+05:00` : `${days[entered]}T${pad(hour - 5)}:${pad(minute)}:00Z`;
  const visible = random() < 0.04 ? null : `${days[entered + (random() < 0.95 ? 0 : 3)]}T${pad(hour - 5)}:${pad(minute)}:30Z`;
  const period = kind === 'interim' ? `,"periodEnd":"${days[lesson + Math.floor(random() * 3)]}"` : '';
  return `{"school":"${school}","class":"${klass}","subject":"${subject}","teacher":"${teacher}","pupil":"${pupil}","lessonDate":"${days[lesson]}","kind":"${kind}"${period},"enteredAt":"${enteredAt}","visibleInDiaryAt":${visible === null ? 'null' : `"${visible}"`}}`;
}

/**
 * The region's journal as a stream of text chunks, made on demand in export order: day by day,
 * school by school, class by class, lesson by lesson, about half the pupils of a lesson getting
 * an entry. Each class keeps its timetable, so groups stop growing after the first day.
 */
async function* journalText(records: number, seed = 20250301): AsyncGenerator<Buffer> {
  const random = mulberry32(seed);
  let made = 0;
  let chunk = '';
  let inChunk = 0;
  for (let day = 0; made < records; day++) {
    for (let s = 0; s < SCHOOLS && made < records; s++) {
      const school = `school-${s + 1}`;
      for (let c = 0; c < classes.length && made < records; c++) {
        for (let l = 0; l < LESSONS_PER_DAY && made < records; l++) {
          const subject = subjects[(c * 5 + l) % subjects.length] as string;
          const teacher = `t-${s}-${subject}-${c % 3}`;
          for (let p = 0; p < PUPILS && made < records; p++) {
            if (random() < 0.5) continue;
            chunk += journalLine(random, school, classes[c] as string, subject, teacher, `p-${s}-${c}-${p}`, day % 250) + '\n';
            made++;
            if (++inChunk === CHUNK_RECORDS) {
              // Bytes, as a file stream gives them: the import decodes them like a file's.
              yield Buffer.from(chunk);
              chunk = '';
              inChunk = 0;
            }
          }
        }
      }
    }
  }
  if (chunk.length > 0) yield Buffer.from(chunk);
}

const rssMb = () => Math.round(process.memoryUsage.rss() / 1048576);
const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function ours(records: number) {
  const builder = createQualityReportBuilder({ asOf: '2025-06-30' });
  const samples: number[] = [];
  let seen = 0;
  const cpuStart = process.cpuUsage();
  const started = process.hrtime.bigint();
  const summary = await importJournal(journalText(records), {
    format: 'jsonl',
    timeZone: ZONE,
    onEntry(entry) {
      builder.add(entry);
      if (++seen % Math.ceil(records / 5) === 0) samples.push(rssMb());
    },
  });
  const report = builder.report();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  return { seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, summary, report, samples };
}

const recordSchema = {
  type: 'object',
  required: ['school', 'class', 'subject', 'teacher', 'pupil', 'lessonDate', 'kind', 'enteredAt'],
  properties: {
    school: { type: 'string', minLength: 1 }, class: { type: 'string', minLength: 1 }, subject: { type: 'string', minLength: 1 },
    teacher: { type: 'string', minLength: 1 }, pupil: { type: 'string', minLength: 1 },
    lessonDate: { type: 'string', format: 'date' }, kind: { enum: ['mark', 'absence', 'interim'] },
    periodEnd: { type: ['string', 'null'], format: 'date' }, enteredAt: { type: 'string', format: 'date-time' },
    visibleInDiaryAt: { type: ['string', 'null'], format: 'date-time' },
  },
};

/** The straightforward way: parse, validate with ajv, count days with Luxon, per record. */
async function peer(records: number) {
  const ajv = new Ajv({ allowUnionTypes: true });
  addFormats.default(ajv);
  const validate = ajv.compile(recordSchema);
  const totals = { records: 0, lateMarks: 0, lateInterimMarks: 0, missingInDiary: 0 };
  const groups = new Map<string, number>();
  const asOf = DateTime.fromISO('2025-06-30', { zone: ZONE }).endOf('day');
  const cpuStart = process.cpuUsage();
  const started = process.hrtime.bigint();
  let rest = '';
  const decoder = new TextDecoder();
  for await (const chunk of journalText(records)) {
    const lines = (rest + decoder.decode(chunk, { stream: true })).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      const record = JSON.parse(line) as JournalRecord;
      if (!validate(record)) continue;
      const key = `${record.school}|${record.class}|${record.subject}|${record.teacher}`;
      groups.set(key, (groups.get(key) ?? 0) + 1);
      totals.records++;
      const from = DateTime.fromISO(record.kind === 'interim' ? (record.periodEnd as string) : record.lessonDate, { zone: ZONE });
      const deadline = from.plus({ days: record.kind === 'interim' ? 2 : 5 }).endOf('day');
      const entered = DateTime.fromISO(record.enteredAt, { zone: ZONE });
      if (record.kind !== 'absence' && entered > deadline) record.kind === 'mark' ? totals.lateMarks++ : totals.lateInterimMarks++;
      const visible = record.visibleInDiaryAt ? DateTime.fromISO(record.visibleInDiaryAt, { zone: ZONE }) : null;
      if (visible === null || visible > asOf ? asOf > deadline : visible > deadline) totals.missingInDiary++;
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  return { seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, totals };
}

const full = await ours(RECORDS);
const peak = peakRssMb();
const rate = RECORDS / full.seconds;
console.log(`quality: ${RECORDS.toLocaleString('en')} records in ${full.seconds.toFixed(2)} s (CPU ${full.cpuSeconds.toFixed(2)} s) = ${Math.round(rate).toLocaleString('en')} records/s`);
console.log(`  load average ${os.loadavg()[0]?.toFixed(1)} on ${os.availableParallelism()} CPUs (other processes slow the wall clock; CPU seconds less so)`);
console.log(`  accepted ${full.summary.accepted}, rejected ${full.summary.rejected}, rows ${full.report.rows.length}`);
console.log(`  totals: ${JSON.stringify({ lateMarks: full.report.totals.lateMarks, lateInterimMarks: full.report.totals.lateInterimMarks, missingInDiary: full.report.totals.missingInDiary, shareOnTime: full.report.totals.shareOnTime })}`);
console.log(`  RSS at each fifth of the stream (MB): ${full.samples.join(', ')}; peak ${peak} MB`);

const sample = await ours(PEER_RECORDS);
const naive = await peer(PEER_RECORDS);
// The ratio uses CPU time: both sides run in this process, and CPU time is less disturbed by other load.
const ourRate = PEER_RECORDS / sample.cpuSeconds;
const naiveRate = PEER_RECORDS / naive.cpuSeconds;
const agree = (['records', 'lateMarks', 'lateInterimMarks', 'missingInDiary'] as const).every((name) => sample.report.totals[name] === naive.totals[name]);
console.log(`peer (JSON.parse + ajv + Luxon), ${PEER_RECORDS.toLocaleString('en')} records: ${Math.round(naiveRate).toLocaleString('en')} records per CPU second vs ours ${Math.round(ourRate).toLocaleString('en')} records per CPU second; totals agree: ${agree}`);
if (!agree) {
  console.error(`  ours ${JSON.stringify(sample.report.totals)}\n  peer ${JSON.stringify(naive.totals)}`);
  process.exitCode = 1;
}
console.log(JSON.stringify({ bench: 'quality', records: RECORDS, seconds: Number(full.seconds.toFixed(3)), cpuSeconds: Number(full.cpuSeconds.toFixed(3)), recordsPerSecond: Math.round(rate), peakRssMb: peak, vsNaive: Number((ourRate / naiveRate).toFixed(1)) }));
