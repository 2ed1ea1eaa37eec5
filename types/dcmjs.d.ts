// dcmjs ships no type definitions (and there is no @types/dcmjs): the parts FracVal uses.
declare module "dcmjs" {
  type Dataset = Record<string, unknown>;
  interface DicomDictInstance {
    dict: Dataset;
    meta: Dataset;
    write(options?: Record<string, unknown>): ArrayBuffer;
  }
  interface WriteBufferStreamInstance {
    getBuffer(): ArrayBuffer;
  }
  const dcmjs: {
    data: {
      DicomDict: new (meta: Dataset) => DicomDictInstance;
      DicomMetaDictionary: {
        denaturalizeDataset(dataset: Dataset): Dataset;
        naturalizeDataset(dataset: Dataset): Dataset;
      };
      DicomMessage: {
        readFile(buffer: ArrayBuffer, options?: Record<string, unknown>): DicomDictInstance;
        /** Writes a dataset's elements (in tag order) to a stream in the given transfer syntax. */
        write(dataset: Dataset, stream: WriteBufferStreamInstance, syntax: string, options: Record<string, unknown>): number;
      };
      WriteBufferStream: new (defaultSize: number, littleEndian?: boolean) => WriteBufferStreamInstance;
    };
    /** loglevel logger dcmjs writes its warnings to (unknown tags, with their values). */
    log: { setLevel(level: "trace" | "debug" | "info" | "warn" | "error" | "silent"): void };
  };
  export default dcmjs;
}
