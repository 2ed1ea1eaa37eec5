// The content-addressed store on S3-compatible object storage (AWS S3, MinIO, Ceph RGW, …), for
// deployments where API and workers do not share a filesystem. Same contract as FileContentStore:
// key = sha256 of the bytes; objects are written once (an existing key is not rewritten).
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { sha256Hex, type ContentStore } from "./content-store.js";

export interface S3StoreOptions {
  bucket: string;
  /** Key prefix inside the bucket, e.g. "fracval/". */
  prefix?: string;
  /** For S3-compatible services: their endpoint URL (path-style addressing is used). */
  endpoint?: string;
  region?: string;
}

export class S3ContentStore implements ContentStore {
  private readonly client: S3Client;

  constructor(
    private readonly options: S3StoreOptions,
    client?: S3Client,
  ) {
    // Credentials come from the AWS SDK's usual chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, a role, …).
    this.client =
      client ??
      new S3Client({
        region: options.region ?? "us-east-1",
        ...(options.endpoint ? { endpoint: options.endpoint, forcePathStyle: true } : {}),
      });
  }

  private objectKey(key: string): string {
    if (!/^[0-9a-f]{64}$/.test(key)) throw new Error(`not a sha256 key: ${key}`);
    return `${this.options.prefix ?? ""}${key.slice(0, 2)}/${key.slice(2, 4)}/${key}`;
  }

  async put(bytes: Uint8Array, sha256?: string): Promise<string> {
    const key = sha256 ?? sha256Hex(bytes);
    if (!(await this.has(key))) {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.options.bucket,
          Key: this.objectKey(key),
          Body: bytes,
          ChecksumAlgorithm: "SHA256",
        }),
      );
    }
    return key;
  }

  async get(key: string): Promise<Uint8Array> {
    const out = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: this.objectKey(key) }));
    return out.Body!.transformToByteArray();
  }

  async has(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key: this.objectKey(key) }));
      return true;
    } catch (error) {
      if (error instanceof NotFound || error instanceof NoSuchKey) return false;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: this.objectKey(key) }));
  }
}

/**
 * The store the environment configures: S3 when FRACVAL_S3_BUCKET is set (FRACVAL_S3_ENDPOINT,
 * FRACVAL_S3_PREFIX, AWS_REGION optional), else the filesystem under FRACVAL_STORAGE_DIR.
 */
export function contentStoreFromEnv(env: NodeJS.ProcessEnv, fileStore: (dir: string) => ContentStore): ContentStore {
  if (env.FRACVAL_S3_BUCKET) {
    return new S3ContentStore({
      bucket: env.FRACVAL_S3_BUCKET,
      ...(env.FRACVAL_S3_PREFIX ? { prefix: env.FRACVAL_S3_PREFIX } : {}),
      ...(env.FRACVAL_S3_ENDPOINT ? { endpoint: env.FRACVAL_S3_ENDPOINT } : {}),
      ...(env.AWS_REGION ? { region: env.AWS_REGION } : {}),
    });
  }
  if (!env.FRACVAL_STORAGE_DIR)
    throw new Error("set FRACVAL_STORAGE_DIR (filesystem store) or FRACVAL_S3_BUCKET (S3-compatible store)");
  return fileStore(env.FRACVAL_STORAGE_DIR);
}
