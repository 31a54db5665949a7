import { Controller, Get, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@gatehouse/http';
import { requestContext } from '@gatehouse/identity';
import { type PageField, showTokenPage, submitTokenPage, type TokenPage, validForm } from '@gatehouse/pages';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CompletePasswordResetDto } from '../complete-password-reset/complete-password-reset.dto';
import { CompletePasswordResetHandler } from '../complete-password-reset/complete-password-reset.handler';
import { PasswordResetConfig } from '../password-reset/password-reset.config';
import { PASSWORD_PAGES } from './password-links';

const passwordField: PageField = {
  name: 'newPassword',
  label: 'page.field.password',
  type: 'password',
  autocomplete: 'new-password',
  maxLength: 128,
  required: true,
  hint: 'page.field.password.hint',
};

/**
 * The pages the password emails link to (a reset; a first password for a user an admin created). Both
 * post to the one use case behind POST /v1/password-resets, so the page adds no rule of its own.
 */
@ApiExcludeController()
@Public()
@Controller()
export class PasswordPagesController {
  private readonly pages: Readonly<Record<'reset' | 'first', TokenPage>>;

  constructor(
    private readonly handler: CompletePasswordResetHandler,
    config: PasswordResetConfig,
  ) {
    const common = {
      submit: 'page.submit.password',
      done: 'page.done.password',
      fields: () => [passwordField],
      labels: { newPassword: 'page.field.password' },
      secureCookies: config.publicUrl.startsWith('https:'),
    } as const;
    this.pages = {
      reset: {
        ...common,
        path: PASSWORD_PAGES.reset,
        title: 'page.reset-password.title',
        intro: 'page.reset-password.intro',
      },
      first: {
        ...common,
        path: PASSWORD_PAGES.first,
        title: 'page.set-password.title',
        intro: 'page.set-password.intro',
      },
    };
  }

  @Get(PASSWORD_PAGES.reset)
  showReset(@Req() request: FastifyRequest, @Res() response: FastifyReply): Promise<void> {
    return showTokenPage(this.pages.reset, request, response, this.holder);
  }

  @Post(PASSWORD_PAGES.reset)
  submitReset(@Req() request: FastifyRequest, @Res() response: FastifyReply): Promise<void> {
    return submitTokenPage(this.pages.reset, request, response, this.holder, this.submit(request));
  }

  @Get(PASSWORD_PAGES.first)
  showFirst(@Req() request: FastifyRequest, @Res() response: FastifyReply): Promise<void> {
    return showTokenPage(this.pages.first, request, response, this.holder);
  }

  @Post(PASSWORD_PAGES.first)
  submitFirst(@Req() request: FastifyRequest, @Res() response: FastifyReply): Promise<void> {
    return submitTokenPage(this.pages.first, request, response, this.holder, this.submit(request));
  }

  private readonly holder = async (token: string) => {
    const language = await this.handler.holderLanguage(token, new Date());
    return language ? { language } : null;
  };

  private submit(request: FastifyRequest) {
    return async (token: string, fields: Readonly<Record<string, string>>) => {
      const body = await validForm(CompletePasswordResetDto, { token, newPassword: fields['newPassword'] });
      await this.handler.complete(body.token, body.newPassword, requestContext(request, 'anonymous'));
    };
  }
}
