import { ApiProperty } from '@nestjs/swagger';

export class SessionView {
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty({ format: 'date-time', description: 'when the login started the session' })
  createdAt!: string;
  @ApiProperty({ format: 'date-time', description: 'the last request in it, to the minute' })
  lastSeenAt!: string;
  @ApiProperty({ description: 'the address the login came from' }) ip!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "the login's User-Agent, at most 256 characters",
  })
  userAgent!: string | null;
  @ApiProperty({ description: 'the session this request was made in' }) current!: boolean;
}

export class SessionListView {
  @ApiProperty({ type: [SessionView] }) sessions!: SessionView[];
}
