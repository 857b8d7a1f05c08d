import { RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import { Construct } from 'constructs';

// nginx is our edge image for hosts without an ALB (compose); the release pushes every image here.
export const imageRoles = ['web', 'worker', 'stt', 'nginx'] as const;
export type ImageRole = (typeof imageRoles)[number];

export const repositoryName = (role: ImageRole) => `healthcare/${role}`;

/** One repository per image role. Tags are immutable, so a release tag always names the image that was scanned. */
export class Registries extends Construct {
  readonly repositories: Record<ImageRole, ecr.Repository>;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const repository = (role: ImageRole) =>
      new ecr.Repository(this, role, {
        repositoryName: repositoryName(role),
        imageScanOnPush: true,
        imageTagMutability: ecr.TagMutability.IMMUTABLE,
        encryption: ecr.RepositoryEncryption.AES_256,
        removalPolicy: RemovalPolicy.RETAIN,
        lifecycleRules: [{ description: 'Keep the last 100 images', maxImageCount: 100 }],
      });
    this.repositories = Object.fromEntries(imageRoles.map((role) => [role, repository(role)])) as Record<
      ImageRole,
      ecr.Repository
    >;
  }
}

/**
 * A stack of its own, deployed first: the services' stack can only become stable once their images
 * are pushed, and CI pushes releases here independently of any environment.
 */
export class RegistriesStack extends Stack {
  readonly registries: Registries;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    this.registries = new Registries(this, 'Registries');
  }
}

/** The repositories by name, as the services' stack uses them (no cross-stack export to untangle later). */
export function importRepositories(scope: Construct): Record<ImageRole, ecr.IRepository> {
  const imported = (role: ImageRole) =>
    ecr.Repository.fromRepositoryName(scope, `${role}Repository`, repositoryName(role));
  return Object.fromEntries(imageRoles.map((role) => [role, imported(role)])) as Record<
    ImageRole,
    ecr.IRepository
  >;
}
