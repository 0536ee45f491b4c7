/**
 * `answer check` on a generated workspace: 1,000 question documents of 11 questions each (the
 * D66 seed letter's size) with their answer documents, written at bench time into a temp folder
 * and removed after, with the example workspace's corpus (the three Zwolle policy documents).
 * Answers vary the way real ones do: most are written, some are combined ("Zie het antwoord op
 * vraag 2."), a few still hold the placeholder or quote an older question; every answer lists
 * three sources as the draft writes them, a few of them stale. So every rule does real work.
 * Target (issue 6): under 2 seconds for the whole check.
 *
 * Measured: the library call `checkWorkspace` (best of 3, warm) and, when `dist/` is built, the
 * command `node bin/answer check --format json` as a user runs it (best of 3 cold processes),
 * beside the same command in an empty workspace: the CLI's start-up (loading every command and
 * the library), which is not the check's own work.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../src/corpus/index.js';
import { checkWorkspace } from '../src/check/index.js';
import { citationOf, formatCitation } from '../src/documents/citation.js';
import { addDaysIso } from '../src/documents/deadline.js';
import { renderQuestionDocument } from '../src/documents/question-document.js';
import type { Passage, QuestionDocument } from '../src/model.js';
import type { BenchOptions } from './run.js';
import { random } from './lib/synthetic.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const TARGET_MS = 2000;
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

async function generate(dir: string, letters: number): Promise<{ bytes: number; questions: number; passages: number }> {
  const rand = random(45);
  await mkdir(join(dir, 'questions'), { recursive: true });
  await mkdir(join(dir, 'answers'), { recursive: true });
  await cp(join(ROOT, 'corpus'), join(dir, 'corpus'), { recursive: true });
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

export async function run(options: BenchOptions): Promise<void> {
  const letters = options.quick ? 100 : 1000;
  const dir = await mkdtemp(join(tmpdir(), 'answer-bench-check-'));
  try {
    const { bytes, questions, passages } = await generate(dir, letters);
    console.log(
      `check: ${letters.toLocaleString('en')} question documents (${questions.toLocaleString('en')} questions) with ${letters.toLocaleString('en')} answer documents ` +
        `citing ${(questions * 3).toLocaleString('en')} sources in a corpus of ${passages} passages, ${(bytes / 1024 / 1024).toFixed(1)} MB, generated in ${dir}`,
    );
    const times: number[] = [];
    let summary = '';
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      const report = await checkWorkspace(dir, { today: '2026-01-01' });
      times.push(performance.now() - start);
      summary = `${report.summary.documents} documents, ${report.summary.errors} errors, ${report.summary.warnings} warnings`;
    }
    const best = Math.min(...times);
    console.log(`  checkWorkspace: best ${best.toFixed(0)} ms of ${times.map((t) => t.toFixed(0)).join(', ')} ms (${summary})`);

    const bin = join(ROOT, 'bin', 'answer');
    if (existsSync(join(ROOT, 'dist', 'cli', 'commands', 'check.js'))) {
      const empty = join(dir, 'empty');
      await mkdir(empty);
      const timed = (cwd: string) => {
        const start = performance.now();
        const result = spawnSync(process.execPath, [bin, 'check', '--format', 'json', '--today', '2026-01-01'], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
        return { ms: performance.now() - start, status: result.status };
      };
      const runs = [timed(dir), timed(dir), timed(dir)];
      const wall = Math.min(...runs.map((r) => r.ms));
      const startup = Math.min(timed(empty).ms, timed(empty).ms);
      const verdict = letters === 1000 ? (wall < TARGET_MS ? `under the ${TARGET_MS} ms target` : `OVER the ${TARGET_MS} ms target`) : 'quick run';
      console.log(`  answer check (new process, exit ${runs[0]!.status}): best ${wall.toFixed(0)} ms wall of ${runs.map((r) => r.ms.toFixed(0)).join(', ')} ms, ${verdict}`);
      console.log(`  of which CLI start-up (answer check in an empty workspace): ${startup.toFixed(0)} ms`);
    } else {
      console.log('  answer check (new process): skipped, dist/ is not built (npm run build)');
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
