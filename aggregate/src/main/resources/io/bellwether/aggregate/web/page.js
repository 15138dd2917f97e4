// The narrative page: reads only the query API (api/...) of the instance that served it, which routes to the
// others. Article text is untrusted input: it reaches the page only through textContent and text nodes, never
// as markup, and links only when they are http(s) URLs.
(function () {
  'use strict';
  const POLL_MS = 5000;
  const WINDOWS = ['1h', '24h'];
  const state = { window: '24h', charts: {}, scores: {}, latest: {}, selected: null, busy: false };
  // The plots by narrative, for whoever inspects the page (the browser test reads their points).
  window.bellwether = { charts: state.charts };

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    Object.entries(props || {}).forEach(([key, value]) => {
      if (key === 'class') node.className = value;
      else if (key.startsWith('data-')) node.setAttribute(key, value);
      else node[key] = value;
    });
    children.flat().forEach(child => node.append(child instanceof Node ? child : String(child)));
    return node;
  }

  async function api(path) {
    const response = await fetch('api/' + path, { headers: { Accept: 'application/json' } });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body.error || ('HTTP ' + response.status + ' for api/' + path));
    return body;
  }

  const signed = x => (x >= 0 ? '+' : '') + x.toFixed(2);
  const percent = x => Math.round(x * 100) + '%';
  const minute = iso => iso.slice(0, 16).replace('T', ' ');
  const seconds = iso => Date.parse(iso) / 1000;
  const instant = secs => new Date(secs * 1000).toISOString().replace('.000Z', 'Z');

  function safeUrl(text) {
    try {
      const url = new URL(text);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  function chartOptions(width) {
    return {
      width: width, height: 230,
      scales: { x: { time: true }, stance: { range: [-1, 1] },
        count: { range: (u, min, max) => [0, Math.max(1, max) * 1.15] } },
      axes: [{}, { scale: 'stance', label: 'stance / share', size: 50 },
        { scale: 'count', side: 1, label: 'articles', grid: { show: false }, size: 45 }],
      series: [{},
        { label: 'articles', scale: 'count', stroke: 'rgba(70,110,200,0.55)', fill: 'rgba(70,110,200,0.18)',
          paths: uPlot.paths.bars({ size: [0.9, 40] }), points: { show: false } },
        { label: 'stance', scale: 'stance', stroke: '#1d2330', width: 2, points: { show: true, size: 4 } },
        { label: 'open', scale: 'stance', stroke: '#1f7a4d', dash: [4, 3] },
        { label: 'closed', scale: 'stance', stroke: '#b03030', dash: [4, 3] },
        { label: 'neutral', scale: 'stance', stroke: '#7a8494', dash: [2, 3], show: false }],
      cursor: { points: { size: 8 } },
    };
  }

  function columns(scores) {
    return [scores.map(s => seconds(s.windowStart)), scores.map(s => s.articleCount),
      scores.map(s => s.weightedStance), scores.map(s => s.openShare), scores.map(s => s.closedShare),
      scores.map(s => s.neutralShare)];
  }

  function card(narrative) {
    const plot = el('div', { class: 'chart' });
    const section = el('section', { class: 'narrative', 'data-narrative': narrative, 'data-points': '0' },
      el('h2', {}, narrative), el('p', { class: 'latest' }), plot);
    document.getElementById('narratives').append(section);
    const chart = new uPlot(chartOptions(Math.max(320, section.clientWidth - 20)), columns([]), plot);
    chart.over.addEventListener('click', () => {
      if (chart.cursor.idx != null) select(narrative, chart.data[0][chart.cursor.idx]);
    });
    state.charts[narrative] = chart;
    return section;
  }

  /** Fetches the windows that can still change (the open ones), or all of them the first time. */
  async function refreshScores(narrative) {
    const known = state.scores[narrative] || [];
    const open = known.filter(s => !s.final);
    const from = open.length ? open[0].windowStart : (known.length ? known[known.length - 1].windowStart : null);
    const query = 'narratives/' + encodeURIComponent(narrative) + '/scores?window=' + state.window
      + (from ? '&from=' + from : '');
    const fresh = (await api(query)).scores;
    const byStart = new Map(known.map(s => [s.windowStart, s]));
    fresh.forEach(s => byStart.set(s.windowStart, s));
    const scores = [...byStart.values()].filter(s => s.articleCount > 0)
      .sort((a, b) => a.windowStart.localeCompare(b.windowStart));
    state.scores[narrative] = scores;
    return scores;
  }

  function describe(score) {
    const stories = score.storyCount > 0 && score.storyCount < score.articleCount
      ? ' (' + score.storyCount + ' stories)' : '';
    return score.articleCount + ' articles' + stories + ', stance ' + signed(score.weightedStance) + ', open '
      + percent(score.openShare) + ' / closed ' + percent(score.closedShare) + ' / neutral '
      + percent(score.neutralShare) + (score.momentum == null ? '' : ', momentum ' + signed(score.momentum))
      + ', ' + score.lateArticles + ' late' + (score.final ? ', final' : ', still open');
  }

  async function refresh() {
    if (state.busy) return;
    state.busy = true;
    const status = document.getElementById('status');
    try {
      const latest = (await api('narratives?window=' + state.window)).narratives;
      for (const score of latest) {
        const section = document.querySelector('section.narrative[data-narrative="' + CSS.escape(score.narrative) + '"]')
          || card(score.narrative);
        const scores = await refreshScores(score.narrative);
        state.charts[score.narrative].setData(columns(scores));
        section.setAttribute('data-points', String(scores.length));
        section.querySelector('.latest').textContent = 'latest ' + state.window + ' window from '
          + minute(score.windowStart) + ' UTC: ' + describe(score);
        state.latest[score.narrative] = score;
      }
      renderLateness();
      await refreshDeadLetters();
      if (state.selected && !state.selected.final) await select(state.selected.narrative, state.selected.start);
      status.textContent = 'updated ' + new Date().toLocaleTimeString() + ' · ' + latest.length
        + ' narratives · refreshes every ' + POLL_MS / 1000 + ' s';
      status.classList.remove('error');
    } catch (e) {
      status.textContent = 'query API: ' + e.message + ' (retrying)';
      status.classList.add('error');
    } finally {
      state.busy = false;
    }
  }

  function renderLateness() {
    const parts = Object.values(state.latest).map(s => s.narrative + ' ' + s.lateArticles);
    document.getElementById('lateness').textContent = 'Late arrivals counted while the latest ' + state.window
      + ' windows were open: ' + (parts.length ? parts.join(', ') : 'none') + '. An article that missed every'
      + ' window is a dead letter (aggregate / late) below.';
  }

  async function refreshDeadLetters() {
    const answer = await api('dead-letters');
    const rows = answer.deadLetters.map(d => el('tr', {}, el('td', {}, d.stage), el('td', {}, d.reason),
      el('td', { class: 'num' }, d.count),
      el('td', {}, d.latest ? (d.latest.detail + ' (' + minute(d.latest.failedAt) + ')') : '')));
    if (!rows.length) rows.push(el('tr', {}, el('td', { colSpan: 4 }, 'nothing dead-lettered')));
    document.querySelector('#dead-letters tbody').replaceChildren(...rows);
  }

  /** One evidence sentence with every cue found in it highlighted (in text order, overlaps skipped). */
  function sentence(items) {
    const text = items[0].text;
    const cues = items.map(item => ({ from: item.start - item.textStart, to: item.end - item.textStart, side: item.side }))
      .filter(cue => cue.from >= 0 && cue.to <= text.length && cue.from < cue.to)
      .sort((a, b) => a.from - b.from);
    const parts = [];
    let at = 0;
    cues.forEach(cue => {
      if (cue.from < at) return;
      parts.push(text.slice(at, cue.from), el('mark', { class: 'cue ' + cue.side, title: cue.side + ' cue' },
        text.slice(cue.from, cue.to)));
      at = cue.to;
    });
    parts.push(text.slice(at));
    return el('blockquote', { class: 'evidence' }, parts);
  }

  /** Evidence grouped by sentence; evidence from writers before sentences were kept shows its cues alone. */
  function evidence(items) {
    const bySentence = new Map();
    items.forEach(item => {
      const key = item.text ? item.textStart + ':' + item.text : 'cues';
      bySentence.set(key, (bySentence.get(key) || []).concat([item]));
    });
    return [...bySentence.entries()].map(([key, group]) => key === 'cues'
      ? el('blockquote', { class: 'evidence' }, group.map(item => el('mark', { class: 'cue ' + item.side }, item.cue)))
      : sentence(group));
  }

  // A copy names the first article of its story (by title when that one is in the list); a first article with
  // copies in the list says how many. Records written before stories have no storyId: their own story.
  function story(a, stories) {
    const storyId = a.storyId || a.id;
    if (storyId !== a.id) {
      const first = stories.titles.get(storyId);
      return el('div', { class: 'story', 'data-story': storyId }, 'copy of ' + (first ? '“' + first + '”' : 'an earlier'
        + ' article') + ' · similarity ' + a.similarity.toFixed(2) + ', novelty ' + a.novelty.toFixed(2));
    }
    const copies = (stories.members.get(storyId) || 1) - 1;
    return copies > 0 ? el('div', { class: 'story', 'data-story': storyId },
      'first of its story, ' + copies + (copies === 1 ? ' copy' : ' copies') + ' below') : '';
  }

  function article(a, stories) {
    const signal = a.narratives[0];
    const href = a.url ? safeUrl(a.url) : null;
    const title = href ? el('a', { class: 'title', href: href, target: '_blank', rel: 'noopener noreferrer' }, a.title)
      : el('span', { class: 'title' }, a.title);
    return el('li', { class: 'article', 'data-id': a.id }, title,
      el('div', { class: 'meta' }, a.source + ' · ' + minute(a.publishedAt) + ' UTC · ',
        el('span', { class: 'label ' + signal.label }, signal.label),
        ' stance ' + signed(signal.stance) + ', confidence ' + signal.confidence.toFixed(2)),
      story(a, stories), evidence(signal.evidence));
  }

  function storiesOf(articles) {
    const stories = { titles: new Map(), members: new Map() };
    articles.forEach(a => {
      stories.titles.set(a.id, a.title);
      const storyId = a.storyId || a.id;
      stories.members.set(storyId, (stories.members.get(storyId) || 0) + 1);
    });
    return stories;
  }

  async function select(narrative, startSeconds) {
    const start = instant(startSeconds);
    const score = (state.scores[narrative] || []).find(s => s.windowStart === start);
    const answer = await api('narratives/' + encodeURIComponent(narrative) + '/articles?window=' + state.window
      + '&start=' + start + '&limit=200');
    state.selected = { narrative: narrative, start: startSeconds, final: score ? score.final : false };
    const detail = document.getElementById('detail');
    detail.hidden = false;
    detail.setAttribute('data-narrative', narrative);
    detail.setAttribute('data-window-start', start);
    document.getElementById('detail-title').textContent = narrative + ' · ' + state.window + ' window '
      + minute(answer.windowStart) + ' – ' + minute(answer.windowEnd) + ' UTC';
    document.getElementById('detail-summary').textContent = (score ? describe(score) : '')
      + (answer.total > answer.articles.length ? ' · showing ' + answer.articles.length + ' of ' + answer.total : '');
    const entities = (score ? score.topEntities : []).map(e => el('tr', {}, el('td', {}, e.name),
      el('td', { class: 'num' }, signed(e.stance)), el('td', { class: 'num' }, e.mentions)));
    document.querySelector('#entities tbody').replaceChildren(...entities);
    const stories = storiesOf(answer.articles);
    document.getElementById('articles').replaceChildren(...answer.articles.map(a => article(a, stories)));
  }

  function windowButtons() {
    const nav = document.getElementById('windows');
    WINDOWS.forEach(w => nav.append(el('button', { type: 'button', 'data-window': w,
      onclick: () => switchWindow(w) }, w)));
    nav.querySelectorAll('button').forEach(b => b.setAttribute('aria-pressed', String(b.dataset.window === state.window)));
  }

  function switchWindow(w) {
    state.window = w;
    Object.values(state.charts).forEach(chart => chart.destroy());
    Object.keys(state.charts).forEach(key => delete state.charts[key]);
    state.scores = {};
    state.latest = {};
    state.selected = null;
    document.getElementById('narratives').replaceChildren();
    document.getElementById('detail').hidden = true;
    document.querySelectorAll('#windows button')
      .forEach(b => b.setAttribute('aria-pressed', String(b.dataset.window === w)));
    refresh();
  }

  const asked = new URLSearchParams(location.search).get('window');
  if (WINDOWS.includes(asked)) state.window = asked;
  windowButtons();
  refresh();
  setInterval(refresh, POLL_MS);
}());
