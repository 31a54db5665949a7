import { Controller, Get, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@gatehouse/http';
import type { RouteBodyLimit } from '@gatehouse/http';
import { requestContext } from '@gatehouse/identity';
import { showTokenPage, submitTokenPage, type TokenPage, validForm } from '@gatehouse/pages';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { InvitesConfig } from '../invites.config';
import { AcceptInviteDto } from './accept-invite.dto';
import { AcceptInviteHandler } from './accept-invite.handler';

export const ACCEPT_INVITE_PAGE = '/accept-invite';

/** The page's form posts a few short fields, urlencoded. */
export const acceptInvitePageForms: readonly RouteBodyLimit[] = [
  { method: 'POST', path: /^\/accept-invite\/?$/, bytes: 4 * 1024, form: true },
];

const name = (field: 'firstName' | 'lastName', value: string | undefined) =>
  ({
    name: field,
    label: field === 'firstName' ? 'page.field.firstName' : 'page.field.lastName',
    type: 'text',
    autocomplete: field === 'firstName' ? 'given-name' : 'family-name',
    maxLength: 100,
    required: true,
    value,
  }) as const;

/**
 * The page the invite email links to: the invitee completes names, username and password, and the form
 * posts to the use case behind POST /v1/invite-acceptances, so the page adds no rule of its own.
 */
@ApiExcludeController()
@Public()
@Controller()
export class AcceptInvitePageController {
  private readonly page: TokenPage;

  constructor(
    private readonly handler: AcceptInviteHandler,
    config: InvitesConfig,
  ) {
    this.page = {
      path: ACCEPT_INVITE_PAGE,
      title: 'page.accept-invite.title',
      intro: 'page.accept-invite.intro',
      submit: 'page.submit.accept',
      done: 'page.done.accept',
      fields: (values) => [
        name('firstName', values['firstName']),
        name('lastName', values['lastName']),
        {
          name: 'username',
          label: 'page.field.username',
          type: 'text',
          autocomplete: 'username',
          maxLength: 64,
          required: true,
          value: values['username'],
          hint: 'page.field.username.hint',
        },
        {
          name: 'password',
          label: 'page.field.password',
          type: 'password',
          autocomplete: 'new-password',
          maxLength: 128,
          required: true,
          hint: 'page.field.password.hint',
        },
      ],
      labels: {
        firstName: 'page.field.firstName',
        lastName: 'page.field.lastName',
        username: 'page.field.username',
        password: 'page.field.password',
      },
      secureCookies: config.linkBase.startsWith('https:'),
    };
  }

  @Get(ACCEPT_INVITE_PAGE)
  show(@Req() request: FastifyRequest, @Res() response: FastifyReply): Promise<void> {
    return showTokenPage(this.page, request, response, this.holder);
  }

  @Post(ACCEPT_INVITE_PAGE)
  submit(@Req() request: FastifyRequest, @Res() response: FastifyReply): Promise<void> {
    return submitTokenPage(this.page, request, response, this.holder, async (token, fields) => {
      // A name left blank takes the inviter's, as when the API call leaves it out.
      const given = Object.entries(fields).filter(([, value]) => value.trim() !== '');
      const body = await validForm(AcceptInviteDto, { ...Object.fromEntries(given), token });
      await this.handler.accept(body, requestContext(request, 'anonymous'));
    });
  }

  private readonly holder = (token: string) => this.handler.holder(token, new Date());
}
