// Lint fixture, never compiled: domain code that breaks every boundary rule. tools/module-boundaries.spec.ts
// lints it as if it lived in libs/users/domain and expects each import below to be refused.
import { Injectable } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { Redis } from 'ioredis';
import { Pool } from 'pg';
import { IsEmail } from 'class-validator';
import { EventStore } from '@gatehouse/event-store';
import { ReadModelStore } from '@gatehouse/read-models';

export const used = [Injectable, Kafka, Redis, Pool, IsEmail, EventStore, ReadModelStore];
