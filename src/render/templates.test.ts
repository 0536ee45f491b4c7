import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import type { QuestionDocument } from '../model.js';
import { loadTemplate, resolveTemplate } from './templates.js';
import { buildMemoView } from './view.js';

let workspace: string;

beforeEach(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'answer-templates-'));
});
afterEach(async () => {
  await rm(workspace, { recursive: true, force: true });
});

function letter(questions: string[], extra: Partial<QuestionDocument> = {}): QuestionDocument {
  return {
    id: '2025-04-12-d66-zorg',
    title: 'Vragen ex. artikel 45 regionale zorg en veiligheid',
    subject: 'regionale zorg en veiligheid',
    article: '45',
    municipality: 'Zwolle',
    party: 'D66',
    parties: ['D66'],
    members: [],
    date: '2025-04-12',
    received: '2025-05-01',
    addressee: null,
    preamble: '',
    questions: questions.map((text, i) => ({ number: i + 1, label: '-', text, parts: [] })),
    footnotes: [],
    warnings: [],
    ...extra,
  };
}

async function error(promise: Promise<unknown>): Promise<InputError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

function parse(markdown: string): Root {
  return unified().use(remarkParse).parse(markdown);
}

/** The quote under each "Vraag N" heading, as a reader of the rendered markdown sees it. */
function quotedQuestions(markdown: string): string[] {
  const nodes = parse(markdown).children;
  const out: string[] = [];
  nodes.forEach((node: RootContent, i) => {
    if (node.type === 'heading' && /^Vraag \d+$/.test(toString(node)) && nodes[i + 1]?.type === 'blockquote') out.push(toString(nodes[i + 1]!));
  });
  return out;
}

describe('the default memo template', () => {
  it('writes the house style: Inleiding with Dutch dates, questions, answers, signature', async () => {
    const template = await loadTemplate({ workspace });
    const out = template.render(buildMemoView({ letter: letter(['Deelt het college de opvatting?']), settings: { burgemeester: 'Peter Snijders', secretaris: 'Dick Emmer' } }));
    expect(out).toContain('Op 1 mei 2025 heeft de raadsfractie van D66 (gedateerd 12 april 2025) artikel 45 vragen gesteld over regionale zorg en veiligheid.');
    expect(out).toContain('### Vraag 1\n\n> Deelt het college de opvatting?\n\n**Antwoord:**\n\n_Antwoord nog in te vullen._');
    expect(out).toContain('burgemeester, Peter Snijders\n\nsecretaris, Dick Emmer');
    expect(out).toContain('Burgemeester en wethouders van Zwolle,');
  });

  it('inserts letter text as data: {{ }} stays literal and markdown characters show as typed', async () => {
    const nasty = [
      'Wat vindt het college van {{constructor}} en {{#each x}}?',
      '# Is dit een kop?',
      'Klopt het dat *alle* [wijken](http://x) <b>vol</b> zijn_of_niet?',
      '---',
      '1. Genummerd of niet?',
      '> Geen citaat?',
      'Ook `code` en \\ en &amp; en ~~weg~~?',
    ];
    const template = await loadTemplate({ workspace });
    const out = template.render(buildMemoView({ letter: letter(nasty, { subject: '*zorg* {{x}}', party: '<D66>' }) }));
    expect(quotedQuestions(out)).toEqual(nasty);
    expect(out).toContain('{{constructor}}');
    expect(out).not.toContain('&lt;');
    const inleiding = parse(out).children.find((_n, i, all) => i > 0 && all[i - 1]!.type === 'heading' && toString(all[i - 1]!) === 'Inleiding');
    expect(toString(inleiding!)).toContain('over *zorg* {{x}}.');
  });
});

describe('template files', () => {
  it('uses a workspace template by name before the bundled one, and its partials before the bundled partials', async () => {
    await mkdir(join(workspace, 'templates', 'partials'), { recursive: true });
    await writeFile(join(workspace, 'templates', 'kort.md.hbs'), '# {{letter.party}}\n\n{{#each questions}}\n{{> vraag}}\n{{/each}}\n');
    await writeFile(join(workspace, 'templates', 'partials', 'vraag.md.hbs'), '## Vraag {{number}}: {{text}}\n\n{{answer}}\n\n');
    const template = await loadTemplate({ workspace, template: 'kort' });
    expect(template.render(buildMemoView({ letter: letter(['Waarom *niet*?']) }))).toBe('# D66\n\n## Vraag 1: Waarom \\*niet\\*?\n\n_Antwoord nog in te vullen._\n\n');
  });

  it("gives a workspace template the letter's afterword as data ('' when the letter has none)", async () => {
    await mkdir(join(workspace, 'templates'), { recursive: true });
    await writeFile(join(workspace, 'templates', 'nawoord.md.hbs'), '[{{letter.afterword}}]\n');
    const template = await loadTemplate({ workspace, template: 'nawoord' });
    expect(template.render(buildMemoView({ letter: letter(['Wat?'], { afterword: 'Toelichting: *zie* vraag 1.' }) }))).toBe('[Toelichting: \\*zie\\* vraag 1.]\n');
    expect(template.render(buildMemoView({ letter: letter(['Wat?']) }))).toBe('[]\n');
  });

  it('refuses a template name that is a path trick, and a template that does not exist', async () => {
    expect((await error(resolveTemplate({ workspace, template: '..' }))).message).toMatch(/not a template name/);
    expect((await error(resolveTemplate({ workspace, template: 'geen' }))).message).toMatch(/no template "geen"/);
    expect((await error(resolveTemplate({ workspace, template: 'x/geen.md.hbs' }))).message).toMatch(/not found/);
  });

  it('reports a syntax error with the template file and line', async () => {
    await writeFile(join(workspace, 'kapot.md.hbs'), '# Titel\n\n{{#each questions}}\n### Vraag {{number}}\n');
    const e = await error(loadTemplate({ workspace, template: 'kapot.md.hbs' }));
    expect(e.file).toBe('kapot.md.hbs');
    expect(e.line).toBe(5);
    expect(e.message).toMatch(/^template syntax error: Expecting/);
  });

  it('reports a syntax error in a partial with the partial file', async () => {
    await mkdir(join(workspace, 'partials'));
    await writeFile(join(workspace, 'eigen.md.hbs'), '# T\n{{> kop}}\n');
    await writeFile(join(workspace, 'partials', 'kop.md.hbs'), 'regel\n{{#if x}}\nnooit dicht\n');
    const e = await error(loadTemplate({ workspace, template: 'eigen.md.hbs' }));
    expect(e.file).toBe('partials/kop.md.hbs');
    expect(e.message).toMatch(/syntax error/);
  });

  it('reports a missing partial with the file and line that uses it', async () => {
    await writeFile(join(workspace, 'eigen.md.hbs'), '# T\n\n{{> bestaat-niet}}\n');
    const e = await error(loadTemplate({ workspace, template: 'eigen.md.hbs' }));
    expect([e.file, e.line]).toEqual(['eigen.md.hbs', 3]);
    expect(e.message).toMatch(/partial "bestaat-niet" that does not exist/);
  });

  it('reports an unknown helper with its line', async () => {
    await writeFile(join(workspace, 'eigen.md.hbs'), '# T\n{{shout letter.party}}\n');
    const e = await error(loadTemplate({ workspace, template: 'eigen.md.hbs' }));
    expect([e.file, e.line]).toEqual(['eigen.md.hbs', 2]);
    expect(e.message).toMatch(/unknown helper "shout"/);
  });

  it('escapes even a triple-stash: letter text never goes in raw', async () => {
    await writeFile(join(workspace, 'raw.md.hbs'), '{{{letter.subject}}} {{lookup letter "party"}}\n');
    const template = await loadTemplate({ workspace, template: 'raw.md.hbs' });
    expect(template.render(buildMemoView({ letter: letter([], { subject: '# kop *x*', party: '[D66]' }) }))).toBe('\\# kop \\*x\\* \\[D66\\]\n');
  });
});
