import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { GuardedBy } from '@gatehouse/http';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@gatehouse/domain-kit';
import { type DeadLetter, DeliveryLog } from '@gatehouse/notifications';
import { OperatorGuard } from '../bootstrap-account/operator.guard';

/**
 * Messages given up on after their retries (every context's: the log is one table of the store's
 * database), for the platform operator. A retry is a request the leader of the message's reaction picks up
 * within a second: it builds the message again (a fresh link) and sends it unless it was sent meanwhile or
 * is no longer due (then the letter is parked again with reason `NO_LONGER_DUE`).
 */
@ApiTags('operations')
@ApiBearerAuth()
@GuardedBy(OperatorGuard)
@Controller('v1/dead-letters')
export class DeadLettersHttpController {
  constructor(private readonly log: DeliveryLog) {}

  /** Permission: the platform operator token. */
  @Get()
  @ApiOkResponse({ description: 'Every dead letter, oldest first: key, reaction, event, template, reason.' })
  async list(): Promise<{ items: DeadLetter[] }> {
    return { items: await this.log.deadLetters() };
  }

  /** Permission: the platform operator token. */
  @Post(':key/retry')
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'The letter is marked for another round of sending.' })
  async retry(@Param('key') key: string): Promise<{ key: string; retryRequested: true }> {
    if (!(await this.log.requestRetry(key))) {
      throw new DomainError('DEAD_LETTER_NOT_FOUND', 'not-found', 'no dead letter has this key', 'key');
    }
    return { key, retryRequested: true };
  }
}
