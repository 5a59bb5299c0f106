import { describe as group, expect, it } from 'vitest';
import { breakdown, describe, medians } from '../../scripts/lib/speech-marks';

group("the stage marks' breakdown for the speech benches", () => {
  // Epoch ms as a key on a fresh tab gives them, the first sentence spoken ahead.
  const ahead = {
    command: 1000,
    badge: 1003,
    ahead: 1110,
    'tts-speak': 1111,
    injected: 1150,
    request: 1152,
    article: 1154,
    voice: 1156,
    queue: 1158,
    'tts-start': 1190,
    speak: 1171,
    highlight: 1181,
  };

  it("times the first sentence spoken ahead along the background's path, the reader's stages beside it", () => {
    const steps = breakdown(ahead);
    expect([...steps]).toEqual([
      ['ahead', 110],
      ['tts-speak', 1],
      ['tts-start', 79],
      ['injected', 40],
      ['request', 2],
      ['article', 2],
      ['voice', 2],
      ['queue', 2],
      ['speak', 13],
      ['badge', 3],
      ['highlight', 10],
      ['total', 190],
    ]);
    expect(describe(medians([steps]))).toBe(
      'path: command → ahead 110 → tts-speak 1 → tts-start 79; beside it: injected 40 (from ahead), request 2 (from injected), ' +
        'article 2 (from request), voice 2 (from article), queue 2 (from voice), speak 13 (from queue), badge 3 (from command), ' +
        'highlight 10 (from speak); total 190',
    );
  });

  it("keeps the reader's stages on the path when nothing was spoken ahead", () => {
    const { ahead: _ahead, ...plain } = { ...ahead, speak: 1170, 'tts-speak': 1171 };
    const steps = breakdown(plain);
    expect([...steps.keys()].slice(0, 8)).toEqual([
      'injected',
      'request',
      'article',
      'voice',
      'queue',
      'speak',
      'tts-speak',
      'tts-start',
    ]);
    expect(steps.get('tts-start')).toBe(19);
    expect(describe(steps)).toMatch(/^path: command → injected 150 → request 2 .* → tts-start 19; beside it: badge 3/);
  });
});
