// Integration and end-to-end tests talk to real servers and hash passwords with argon2 (~0.5 s of CPU
// each): Jest's 5 s default fails them on two loaded cores. Set here, per project: testTimeout is global.
jest.setTimeout(60_000);
