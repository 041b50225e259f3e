/**
 * PDF by printing the HTML in Chromium (playwright-core, Debian's /usr/bin/chromium): A4, page
 * numbers in the footer, table headers repeated by the print CSS. No network: the HTML is
 * self-contained.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { esc } from './escape.js';

export const CHROMIUM_PATH = process.env.CSC_CHROMIUM_PATH ?? '/usr/bin/chromium';

const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export function browserAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export async function launchBrowser(): Promise<Browser> {
  if (!browserAvailable()) throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}: install it (apt-get install chromium) or set CSC_CHROMIUM_PATH, or write .html or .xlsx instead.`);
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: LAUNCH_ARGS, headless: true });
}

let shared: Promise<Browser> | undefined;

/**
 * One Chromium kept for a long-running process (the server, a batch of reports): a launch costs
 * seconds, a page in a fresh context milliseconds. Relaunched if it crashed or was closed; pass it
 * as `browser` to renderPdf or generateReport, and call closeSharedBrowser before exiting.
 */
export function sharedBrowser(): Promise<Browser> {
  shared ??= launchBrowser().then(
    (browser) => {
      browser.on('disconnected', () => {
        shared = undefined;
      });
      return browser;
    },
    (error: unknown) => {
      shared = undefined;
      throw error;
    },
  );
  return shared;
}

export async function closeSharedBrowser(): Promise<void> {
  const pending = shared;
  shared = undefined;
  if (pending) await (await pending.catch(() => undefined))?.close();
}

/** Prints HTML to a PDF. Pass a browser to reuse it across reports; otherwise one is launched and closed. */
export async function renderPdf(html: string, options: { browser?: Browser; footerLeft?: string } = {}): Promise<Buffer> {
  const browser = options.browser ?? (await launchBrowser());
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      const footer = `<div style="font-family:Arial,sans-serif;font-size:8pt;color:#444;width:100%;padding:0 14mm;display:flex;justify-content:space-between;">
        <span>${esc(options.footerLeft ?? '')}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;
      return await page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<div></div>',
        footerTemplate: footer,
        margin: { top: '16mm', bottom: '18mm', left: '14mm', right: '14mm' },
        preferCSSPageSize: false,
      });
    } finally {
      await context.close();
    }
  } finally {
    if (!options.browser) await browser.close();
  }
}
