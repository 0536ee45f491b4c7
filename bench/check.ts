/**
 * `answer check` on a generated workspace: 1,000 question documents of 11 questions each (the
 * D66 seed letter's size) with their answer documents, written at bench time into a temp folder
 * and removed after, with the example workspace's corpus (the three Zwolle policy documents) and
 * its index (`.answer/index.bin`, as `answer link` leaves it). Answers vary the way real ones do:
 * most are written, some are combined ("Zie het antwoord op vraag 2."), a few still hold the
 * placeholder or quote an older question; every answer lists three sources as the draft writes
 * them, a few of them stale. So every rule does real work.
 *
 * Measured in one run, each the best of several new processes taken in turn, so that a busy
 * machine slows both alike:
 * - the floor: a node process that only reads the same files and splits them (front matter from
 *   body, body into lines), which no check can beat;
 * - `node bin/answer check --format json` as a user runs it (dist/: `npm run build` first), and
 *   its ratio to the floor (target: within 5×), with its peak memory;
 * - the same without the index (every cited policy document split again);
 * - the library call `checkWorkspace` in this process, warm.
 * `BENCH_CHECK_LETTERS=10000` sets the number of letters.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadCorpus } from '../src/corpus/index.js';
import { checkWorkspace } from '../src/check/index.js';
import { citationOf, formatCitation } from '../src/documents/citation.js';
import { addDaysIso } from '../src/documents/deadline.js';
import { renderQuestionDocument } from '../src/documents/question-document.js';
import type { Passage, QuestionDocument } from '../src/model.js';
import { openIndex } from '../src/link/persist.js';
import type { BenchOptions } from './run.js';
import { random } from './lib/synthetic.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** `answer check` within this many times the read-and-split floor (issue 13). */
const TARGET_RATIO = 5;
const QUESTIONS_PER_LETTER = 11;
const PARTIES = ['D66', 'VVD', 'CDA', 'GroenLinks-PvdA', 'SP', 'ChristenUnie', 'PVV', 'Leefbaar Zwolle'];
const SUBJECTS = ['regionale zorg en veiligheid', 'parkeren in de binnenstad', 'bomenkap aan de Kempkensberg', 'wachtlijsten jeugdzorg', 'zonnepark Wirdum', 'fietspad Schoener'];
const QUESTION_STARTS = ['Deelt het college de opvatting dat', 'Ziet het college mogelijkheden om', 'In hoeverre wordt op dit moment gestuurd op', 'Welke maatregelen neemt het college om', 'Is het college bereid om'];
const TOPICS = [
  'de draaglast in sommige wijken in Zwolle onder druk staat en dat we ervoor moeten waken dat dit verder toeneemt',
  'de druk op wijken te verlichten door het spreiden van voorzieningen en corporatiewoningen',
  'het opbouwen van lokale voorzieningen in de regiogemeenten',
  'de politie te ontlasten van de inzet op zorggerelateerde meldingen',
  'met woningcorporaties, zorgaanbieders en welzijnspartners in gesprek te gaan over preventie',
];
const ANSWER_TEXT =
  'Het college deelt deze opvatting. Voor nieuwe zorginitiatieven is het communicatieprotocol welkom in mijn wijk van kracht. ' +
  'Inwoners en professionele organisaties melden daarlangs een initiatief voor huisvesting van bijzondere doelgroepen aan. ' +
  'Een ambtelijk team met verschillende expertise beoordeelt de aanmeldingen.\n\n' +
  'Vanuit het programma Maatschappelijke Voorzieningen wordt het werken met referentiewaarden voor voorzieningen verkend. ' +
  'Deze referentiewaarden geven de kwalitatieve behoefte aan voorzieningen aan.';

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

function questionDocument(i: number, rand: () => number): QuestionDocument {
  const party = pick(rand, PARTIES);
  const subject = `${pick(rand, SUBJECTS)} ${i}`;
  const received = addDaysIso('2024-01-01', Math.floor(rand() * 700));
  const id = `${received}-${party}-${subject}`.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 80).replace(/-+$/, '');
  const questions = Array.from({ length: QUESTIONS_PER_LETTER }, (_, q) => {
    const text = `${pick(rand, QUESTION_STARTS)} ${pick(rand, TOPICS)} (${i}.${q + 1})?`;
    const parts = q % 5 === 1 ? [{ label: 'o', text: 'Zo ja, op welke wijze?' }, { label: 'o', text: 'Indien nee, waarom niet?' }] : [];
    return { number: q + 1, label: '-', text: parts.length ? `${text} ${parts.map((p) => p.text).join(' ')}` : text, parts };
  });
  return {
    id, title: `Vragen ex. artikel 45 ${subject}`, subject, article: '45', municipality: 'Zwolle', party, parties: [party], members: [],
    date: received, addressee: 'college van burgemeester en wethouders', preamble: 'Inleiding van de fractie over het onderwerp.\n\nTweede alinea.',
    questions, footnotes: [{ n: 1, text: 'https://example.org/bron' }], warnings: [], source: `${id}.pdf`, received,
  };
}

function answerDocument(doc: QuestionDocument, rand: () => number, passages: Passage[]): string {
  const vastgesteld = rand() < 0.6;
  const date = addDaysIso(doc.received!, 10 + Math.floor(rand() * 40));
  const lines = ['---', `question: ${doc.id}`, `status: ${vastgesteld ? 'vastgesteld' : 'concept'}`, `date: ${date}`, 'portefeuillehouder: J. Jansen', '---', ''];
  lines.push('# Beantwoording schriftelijke vragen', '', '## Onderwerp', '', doc.subject ?? '', '', '## Kernboodschap', '', 'Hieronder treft u de antwoorden aan.', '');
  for (const q of doc.questions) {
    const roll = rand();
    const quote = roll < 0.03 ? q.text.replace('college', 'gemeentebestuur') : q.text;
    lines.push(`## Vraag ${q.number}`, '', `> ${quote}`, '');
    if (roll > 0.97) lines.push('_Antwoord nog in te vullen._');
    else if (q.number > 1 && roll > 0.85) lines.push(`Zie het antwoord op vraag ${q.number - 1}.`);
    else lines.push(`**Antwoord:** ${ANSWER_TEXT}`);
    lines.push('');
    if (passages.length > 0) {
      lines.push('### Bronnen', '');
      for (let k = 0; k < 3; k++) {
        const passage = pick(rand, passages);
        // About one citation in fifty points to a passage that has since changed.
        const stale = rand() < 0.02 ? { passage: `${passage.id}0` } : {};
        lines.push(`- ${formatCitation({ ...citationOf(passage), ...stale }, `../${passage.file}`)}`);
      }
      lines.push('');
    }
  }
  lines.push('## Openbaarheid', '', 'Dit besluit is openbaar.', '');
  return lines.join('\n');
}

export async function generate(dir: string, letters: number): Promise<{ bytes: number; questions: number; passages: number }> {
  const rand = random(45);
  await mkdir(join(dir, 'questions'), { recursive: true });
  await mkdir(join(dir, 'answers'), { recursive: true });
  await cp(join(ROOT, 'corpus'), join(dir, 'corpus'), { recursive: true });
  // A workspace: the commands refuse to run without its configuration (defaults here).
  await writeFile(join(dir, 'answer.config.json'), '{}\n');
  const { passages } = await loadCorpus(dir, { answers: null });
  let bytes = 0;
  let questions = 0;
  for (let i = 0; i < letters; i++) {
    const doc = questionDocument(i, rand);
    const question = renderQuestionDocument(doc);
    const answer = answerDocument(doc, rand, passages);
    bytes += Buffer.byteLength(question) + Buffer.byteLength(answer);
    questions += doc.questions.length;
    await writeFile(join(dir, 'questions', `${doc.id}.md`), question);
    await writeFile(join(dir, 'answers', `${doc.id}.md`), answer);
  }
  return { bytes, questions, passages: passages.length };
}

/** The floor: read every document and split it, nothing else (a script for `node -e`). */
const FLOOR = `
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
let lines = 0;
for (const folder of ['questions', 'answers']) {
  for (const name of readdirSync(folder)) {
    if (!name.endsWith('.md')) continue;
    const text = readFileSync(join(folder, name), 'utf8');
    const close = text.indexOf('\\n---', 3);
    lines += text.slice(0, close).split('\\n').length + text.slice(close + 4).split('\\n').length;
  }
}
process.stdout.write(String(lines));
`;

/** Prints the process's peak memory on stderr at exit. */
const PEAK = 'data:text/javascript,process.on("exit",()=>{const u=process.resourceUsage();process.stderr.write("\\npeak-rss "+u.maxRSS+" cpu "+(u.userCPUTime+u.systemCPUTime)+"\\n")})';

interface Timed {
  /** Wall time. */
  ms: number;
  /** CPU time (user and system) of the process: what a busy machine inflates least. */
  cpuMs: number;
  status: number | null;
  peakMb: number;
}

function timed(args: string[], cwd: string): Timed {
  const start = performance.now();
  const result = spawnSync(process.execPath, ['--import', PEAK, ...args], { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const ms = performance.now() - start;
  const peak = /peak-rss (\d+) cpu (\d+)/.exec(result.stderr ?? '');
  return { ms, cpuMs: peak ? Number(peak[2]) / 1000 : NaN, status: result.status, peakMb: peak ? Number(peak[1]) / 1024 : NaN };
}

export async function run(options: BenchOptions): Promise<void> {
  const letters = options.quick ? 100 : Number(process.env.BENCH_CHECK_LETTERS ?? 1000);
  const dir = await mkdtemp(join(tmpdir(), 'answer-bench-check-'));
  try {
    const { bytes, questions, passages } = await generate(dir, letters);
    await openIndex(dir, (known) => loadCorpus(dir, { known, answers: null }));
    console.log(
      `check: ${letters.toLocaleString('en')} question documents (${questions.toLocaleString('en')} questions) with ${letters.toLocaleString('en')} answer documents ` +
        `citing ${(questions * 3).toLocaleString('en')} sources in a corpus of ${passages} passages (indexed), ${(bytes / 1024 / 1024).toFixed(1)} MB, generated in ${dir}`,
    );

    const bin = join(ROOT, 'bin', 'answer');
    if (existsSync(join(ROOT, 'dist', 'cli', 'commands', 'check.js'))) {
      const check = ['check', '--format', 'json', '--today', '2026-01-01'];
      const rounds = options.quick ? 2 : 5;
      const floor: Timed[] = [];
      const cli: Timed[] = [];
      for (let i = 0; i < rounds; i++) {
        floor.push(timed(['-e', FLOOR], dir));
        cli.push(timed([bin, ...check], dir));
      }
      // A check that could not run (exit 2) is fast for the wrong reason: never a figure.
      if (cli.some((r) => r.status !== 0 && r.status !== 1)) throw new Error(`answer check exited ${cli.map((r) => r.status).join(', ')} in ${dir}`);
      const best = (runs: Timed[]) => Math.min(...runs.map((r) => r.ms));
      const bestCpu = (runs: Timed[]) => Math.min(...runs.map((r) => r.cpuMs));
      const ratio = best(cli) / best(floor);
      const verdict = options.quick ? 'quick run' : ratio <= TARGET_RATIO ? `within the ${TARGET_RATIO}× target` : `OVER the ${TARGET_RATIO}× target`;
      console.log(
        `  floor (node reads and splits the same files): best ${best(floor).toFixed(0)} ms of ${floor.map((r) => r.ms.toFixed(0)).join(', ')} ms ` +
          `(CPU ${bestCpu(floor).toFixed(0)} ms), peak ${Math.max(...floor.map((r) => r.peakMb)).toFixed(0)} MB`,
      );
      console.log(
        `  answer check (new process, exit ${cli[0]!.status}): best ${best(cli).toFixed(0)} ms of ${cli.map((r) => r.ms.toFixed(0)).join(', ')} ms ` +
          `(CPU ${bestCpu(cli).toFixed(0)} ms), peak ${Math.max(...cli.map((r) => r.peakMb)).toFixed(0)} MB: ${ratio.toFixed(1)}× the floor ` +
          `(CPU ${(bestCpu(cli) / bestCpu(floor)).toFixed(1)}×), ${verdict}`,
      );
      // The check's own modules and work, without the command line's start-up (src/cli/).
      const library = ['--input-type=module', '-e', `const { checkWorkspace } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'check', 'index.js')).href)}); await checkWorkspace('.', { today: '2026-01-01' });`];
      const lib = Array.from({ length: rounds }, () => timed(library, dir));
      console.log(`  checkWorkspace alone (new process, dist/check only): best ${best(lib).toFixed(0)} ms (CPU ${bestCpu(lib).toFixed(0)} ms): ${(best(lib) / best(floor)).toFixed(1)}× the floor (CPU ${(bestCpu(lib) / bestCpu(floor)).toFixed(1)}×)`);
      // A workspace of its own: a bare folder inside this one would find this one's config and check it all.
      const empty = join(dir, 'empty');
      await mkdir(join(empty, 'questions'), { recursive: true });
      await writeFile(join(empty, 'answer.config.json'), '{}\n');
      console.log(`  of which CLI start-up (answer check in an empty workspace): ${Math.min(timed([bin, 'check'], empty).ms, timed([bin, 'check'], empty).ms).toFixed(0)} ms`);
      await rm(join(dir, '.answer'), { recursive: true, force: true });
      const noIndex = [timed([bin, ...check], dir), timed([bin, ...check], dir)];
      console.log(`  answer check without the index (cited policy split again): best ${best(noIndex).toFixed(0)} ms, ${(best(noIndex) / best(floor)).toFixed(1)}× the floor`);
    } else {
      console.log('  answer check (new process): skipped, dist/ is not built (npm run build)');
    }

    const times: number[] = [];
    let summary = '';
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      const report = await checkWorkspace(dir, { today: '2026-01-01' });
      times.push(performance.now() - start);
      summary = `${report.summary.documents} documents, ${report.summary.errors} errors, ${report.summary.warnings} warnings`;
    }
    console.log(`  checkWorkspace in this process (warm, no index): best ${Math.min(...times).toFixed(0)} ms of ${times.map((t) => t.toFixed(0)).join(', ')} ms (${summary})`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
