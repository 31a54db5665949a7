import { PartialType } from '@nestjs/swagger';
import { UserDetailsFields } from '../user-fields';

export class UpdateUserDetailsDto extends PartialType(UserDetailsFields) {}
