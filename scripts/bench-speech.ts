/**
 * Time from the "read aloud" shortcut to the first spoken sentence's `start`, in Chromium with
 * espeak-ng through a real-time PulseAudio sink; median of 10. The baseline, measured in the same
 * run, is a bare chrome.tts.speak() of the same sentence from the service worker: the ratio is
 * what Loa adds (injection, extraction, voice choice, the chrome.tts bridge).
 *   LOA_E2E=1 npx wxt build && npx tsx scripts/bench-speech.ts
 */
import { dispatchCommand, launchExtension, startPageServer, startSpeechSink, watchSpeech } from './lib/browser-harness';

const RUNS = 10;
const TITLE = 'Ban Chỉ đạo Cải cách hành chính của Chính phủ họp phiên thứ 7';
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const server = await startPageServer();
const sink = startSpeechSink('realtime');
const extension = await launchExtension({ speech: sink });
const speech = await watchSpeech(extension);
const page = await extension.context.newPage();
await page.goto(server.corpusUrl('vn-baolaocai-seed-reconstructed'));
await page.bringToFront();

// Warm-up: the first read waits for speech-dispatcher to list its voices (seconds, once per browser).
await dispatchCommand(extension, 'play-pause');
await speech.waitFor((status) => status.sentence !== null, 60_000);
await dispatchCommand(extension, 'stop');
await speech.waitFor((status) => status.state.status === 'idle');

const loa: number[] = [];
for (let run = 0; run < RUNS; run++) {
  await speech.clear();
  const started = Date.now();
  await dispatchCommand(extension, 'play-pause');
  await speech.waitFor((status) => status.sentence !== null, 30_000);
  loa.push(Date.now() - started);
  await dispatchCommand(extension, 'stop');
  await speech.waitFor((status) => status.state.status === 'idle');
}

const bare: number[] = [];
for (let run = 0; run < RUNS; run++) {
  // A string, not a function: tsx would wrap a function's inner callbacks in helpers the worker lacks.
  bare.push(
    await extension.worker.evaluate<number>(`new Promise((resolve) => {
      const started = Date.now();
      chrome.tts.speak(${JSON.stringify(TITLE)}, {
        voiceName: 'Vietnamese (Northern) espeak-ng',
        onEvent(event) {
          if (event.type === 'start') {
            resolve(Date.now() - started);
            chrome.tts.stop();
          }
        },
      });
    })`),
  );
}

console.log(`command → first sentence start, median of ${RUNS}: Loa ${median(loa)} ms (runs: ${loa.join(', ')})`);
console.log(`bare chrome.tts.speak → start, median of ${RUNS}: ${median(bare)} ms (runs: ${bare.join(', ')})`);
console.log(`ratio Loa / bare: ${(median(loa) / Math.max(1, median(bare))).toFixed(2)}`);
await extension.close();
sink.stop();
await server.close();
