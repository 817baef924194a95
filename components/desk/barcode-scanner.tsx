"use client";

import { clsx } from "clsx";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { Icon } from "@/components/ui/icons";

type ScanState = "starting" | "scanning" | "denied" | "noCamera" | "insecure" | "failed";

/** The formats a counter meets: member card and coupon QRs, printed card barcodes, product codes. */
const WANTED_FORMATS = ["qr_code", "code_128", "code_39", "ean_13", "ean_8", "upc_a", "itf", "data_matrix", "pdf417"];

type DetectedBarcode = { rawValue: string };
type BarcodeDetectorLike = { detect(source: HTMLVideoElement): Promise<DetectedBarcode[]> };
type BarcodeDetectorClass = {
  new (options?: { formats?: string[] }): BarcodeDetectorLike;
  getSupportedFormats?: () => Promise<string[]>;
};

/**
 * A button that opens the device camera in a dialog and hands back the first
 * QR or barcode it reads. Uses the browser's BarcodeDetector where there is
 * one, else loads the ZXing decoder (only then, so the bundle stays small).
 * Esc, the close button or a successful read stop the camera. Closed without a
 * read, focus goes to `typeInto` (the box the code would be typed in), so the
 * cashier can type at once; otherwise the dialog gives it back to the button.
 */
export function BarcodeScanner({ onScan, label, className, typeInto }: { onScan: (text: string) => void; label: string; className?: string; typeInto?: RefObject<HTMLInputElement | null> }) {
  const t = useTranslations("DeskScanner");
  const dialogRef = useRef<HTMLDialogElement>(null);
  const videoRef = useRef<HTMLVideoElement>(null);
  const stopRef = useRef<(() => void) | null>(null);
  const readRef = useRef(false);
  const [state, setState] = useState<ScanState>("starting");

  const stop = useCallback(() => {
    stopRef.current?.();
    stopRef.current = null;
  }, []);

  const start = useCallback(async () => {
    stop();
    setState("starting");
    let cancelled = false;
    stopRef.current = () => {
      cancelled = true;
    };
    const media = typeof navigator !== "undefined" ? navigator.mediaDevices : undefined;
    if (!media?.getUserMedia) {
      // Browsers only offer the camera on HTTPS (or localhost).
      setState(window.isSecureContext ? "noCamera" : "insecure");
      return;
    }
    let stream: MediaStream;
    try {
      stream = await media.getUserMedia({ video: { facingMode: { ideal: "environment" } }, audio: false });
    } catch (error) {
      if (!cancelled) setState(cameraRefusal(error));
      return;
    }
    const tracksOff = () => stream.getTracks().forEach((track) => track.stop());
    if (cancelled || !videoRef.current) return tracksOff();
    const video = videoRef.current;
    video.srcObject = stream;
    const finish = (text: string) => {
      if (cancelled) return;
      readRef.current = true;
      stop();
      dialogRef.current?.close();
      onScan(text.trim());
    };
    try {
      await video.play().catch(() => undefined);
      const stopDecoding = await decode(video, stream, finish);
      stopRef.current = () => {
        cancelled = true;
        stopDecoding();
        tracksOff();
        video.srcObject = null;
      };
      if (cancelled) stopRef.current();
      else setState("scanning");
    } catch {
      tracksOff();
      if (!cancelled) setState("failed");
    }
  }, [onScan, stop]);

  useEffect(() => stop, [stop]);

  const open = () => {
    readRef.current = false;
    dialogRef.current?.showModal();
    void start();
  };

  const close = () => dialogRef.current?.close();

  const onClose = () => {
    stop();
    if (!readRef.current) typeInto?.current?.focus();
  };

  const problem = state === "denied" || state === "noCamera" || state === "insecure" || state === "failed";

  return (
    <>
      <button type="button" onClick={open} className={clsx(buttonClasses("secondary", "xl"), "gap-3", className)} data-testid="open-scanner">
        <Icon name="qr" className="size-6" />
        {label}
      </button>
      <dialog
        ref={dialogRef}
        onClose={onClose}
        aria-labelledby="barcode-scanner-title"
        className="m-auto w-[min(36rem,calc(100vw-2rem))] rounded-card border border-line bg-surface p-0 text-ink shadow-raised backdrop:bg-ink/60"
        data-testid="barcode-scanner"
      >
        <div className="flex items-center justify-between gap-4 border-b border-line px-5 py-4">
          <h2 id="barcode-scanner-title" className="text-lg font-semibold">
            {label}
          </h2>
          <Button variant="ghost" size="lg" onClick={close} className="-mr-3">
            {t("close")}
          </Button>
        </div>
        <div className="space-y-4 p-5">
          <div className={clsx("relative aspect-[4/3] overflow-hidden rounded-control bg-ink", problem && "hidden")}>
            <video ref={videoRef} muted playsInline className="size-full object-cover" />
            <div aria-hidden className="pointer-events-none absolute inset-[18%] rounded-xl border-4 border-white/80" />
            {state === "starting" ? <p className="absolute inset-x-0 bottom-3 text-center text-sm text-white">{t("starting")}</p> : null}
          </div>
          {problem ? (
            <div className="flex items-start gap-3 rounded-control border border-accent-400/50 bg-accent-100 px-4 py-4 text-accent-700" data-testid="scanner-problem">
              <Icon name="alert" className="mt-0.5 size-6 shrink-0" />
              <div>
                <p className="font-semibold">{t(`${state}.title`)}</p>
                <p className="mt-1 text-sm">{t(`${state}.body`)}</p>
              </div>
            </div>
          ) : (
            <p className="text-sm text-ink-muted" aria-live="polite">
              {state === "scanning" ? t("scanning") : t("starting")}
            </p>
          )}
          <div className="flex flex-wrap justify-end gap-3">
            {problem && state !== "insecure" ? (
              <Button variant="secondary" size="lg" onClick={() => void start()}>
                {t("retry")}
              </Button>
            ) : null}
            <Button variant={problem ? "primary" : "secondary"} size="lg" onClick={close}>
              {t("typeInstead")}
            </Button>
          </div>
        </div>
      </dialog>
    </>
  );
}

function cameraRefusal(error: unknown): ScanState {
  const name = error instanceof DOMException || error instanceof Error ? error.name : "";
  if (name === "NotAllowedError" || name === "SecurityError") return "denied";
  if (name === "NotFoundError" || name === "OverconstrainedError" || name === "NotReadableError") return "noCamera";
  return "failed";
}

/** Starts decoding frames; returns how to stop. BarcodeDetector first, ZXing otherwise. */
async function decode(video: HTMLVideoElement, stream: MediaStream, found: (text: string) => void): Promise<() => void> {
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  if (Detector) {
    const supported = (await Detector.getSupportedFormats?.().catch(() => [])) ?? [];
    const formats = WANTED_FORMATS.filter((f) => supported.includes(f));
    if (formats.length > 0) {
      const detector = new Detector({ formats });
      let running = true;
      const tick = async () => {
        if (!running) return;
        try {
          const [hit] = video.readyState >= 2 ? await detector.detect(video) : [];
          if (hit?.rawValue && running) return found(hit.rawValue);
        } catch {
          // A frame that cannot be read yet: try the next one.
        }
        if (running) setTimeout(tick, 150);
      };
      void tick();
      return () => {
        running = false;
      };
    }
  }
  const { BrowserMultiFormatReader } = await import("@zxing/browser");
  const reader = new BrowserMultiFormatReader();
  const controls = await reader.decodeFromStream(stream, video, (result) => {
    if (result) found(result.getText());
  });
  return () => controls.stop();
}
