import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/**
 * Audio chunks, recordings and patient documents. Private, encrypted with our own key (so its
 * use is logged in CloudTrail and can be revoked), versioned against accidental overwrite or
 * deletion, reachable only over TLS.
 */
export class Storage extends Construct {
  readonly bucket: s3.Bucket;
  readonly key: kms.Key;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.key = new kms.Key(this, 'Key', {
      description: 'HealthCare patient objects',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.bucket = new s3.Bucket(this, 'Bucket', {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.key,
      // One data key per bucket instead of a KMS call per object: chunk uploads are many and small.
      bucketKeyEnabled: true,
      versioned: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        {
          id: 'abort-incomplete-uploads',
          // Streamed uploads are multipart; a client that vanished leaves parts that bill forever.
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
        {
          id: 'old-versions',
          // Overwritten or erased objects stay recoverable for a month, then erasure is final (LGPD).
          noncurrentVersionExpiration: Duration.days(30),
          expiredObjectDeleteMarker: true,
        },
        {
          id: 'infrequent-access',
          // Recordings are read while the note is written, then rarely.
          transitions: [
            { storageClass: s3.StorageClass.INTELLIGENT_TIERING, transitionAfter: Duration.days(30) },
          ],
        },
      ],
    });
  }
}
